/**
 * The code in the committed pages is valid: every TypeScript fence (tabs, client pages, guide) compiles against the generated
 * client, and the CLI lines (operation tabs and CLI pages) run with the built `mgkit`
 * (`--what-if`: nothing is sent) and produce the request the HTTP tab shows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { credentialValueIsShown } from '@mgkit/cli-contract';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeGroupTabs, docsRoot, projectRoot } from './site-helpers.js';

const clientEntry = path.join(projectRoot, 'packages/graph-client/src/index.ts');
const clientModels = path.join(projectRoot, 'packages/graph-client/src/generated/models/index.ts');
const cliBin = path.join(projectRoot, 'packages/cli/bin/mgkit.js');
const cliBuilt = path.join(projectRoot, 'packages/cli/dist/main.js');

interface Page {
  readonly path: string;
  readonly contents: string;
}

/** The committed reference pages of a folder (`operations`, `cli`), as `npm run generate` wrote them. */
function referencePages(folder: string): Page[] {
  const dir = path.join(docsRoot, 'reference', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: `${folder}/${name}`, contents: readFileSync(path.join(dir, name), 'utf8') }));
}

let operations: Page[];
beforeAll(() => {
  operations = referencePages('operations');
  expect(operations.length, 'docs/reference/operations is empty: run npm run generate').toBeGreaterThan(0);
});

const operationPages = () => operations;

/** Every ```ts fence of the site's markdown (reference, guide, home), with where it is. */
function typeScriptFences(): { where: string; code: string }[] {
  const files = readdirSync(docsRoot, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !entry.parentPath.includes('node_modules') && !entry.parentPath.includes('.vitepress'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^(`{3,})ts(?: \[[^\]]*\])?\n([\s\S]*?)\n\1$/gm)].map((match, index) => ({
      where: `${path.relative(docsRoot, file)}#${index + 1}`,
      code: match[2] ?? '',
    })),
  );
}

describe('the TypeScript code', () => {
  it('of every operation page has a TypeScript tab', () => {
    for (const page of operationPages()) expect(codeGroupTabs(page.contents).get('TypeScript'), page.path).toBeDefined();
  });

  it('in every page compiles against the generated client (tsc, strict)', async (context) => {
    if (!existsSync(clientEntry) || !existsSync(clientModels)) {
      console.warn(`SKIPPED: the client package is not generated yet (${path.relative(projectRoot, clientEntry)} is absent); run npm run generate`);
      return context.skip();
    }
    // Inside the workspace, so the Kiota runtime and @azure/identity resolve from node_modules.
    const dir = path.join(projectRoot, 'node_modules/.cache/mgkit-docs-snippets');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const fences = typeScriptFences();
    expect(fences.length).toBeGreaterThan(10);
    const files = new Map<string, string>();
    for (const [index, fence] of fences.entries()) {
      // A snippet may leave the adapter to the reader; the harness declares one.
      const needsAdapter = /\brequestAdapter\b/.test(fence.code) && !/const requestAdapter\b/.test(fence.code);
      const harness = needsAdapter
        ? `import type { RequestAdapter } from "@microsoft/kiota-abstractions";\ndeclare const requestAdapter: RequestAdapter;\n${fence.code}\n`
        : `${fence.code}\nexport {};\n`;
      const file = path.join(dir, `snippet-${index}.mts`);
      await writeFile(file, harness);
      files.set(file, fence.where);
    }
    const program = ts.createProgram([...files.keys()], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
      baseUrl: projectRoot,
      paths: { '@mgkit/graph-client': [clientEntry], '@mgkit/graph-client/models': [clientModels] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const file = diagnostic.file?.fileName ?? '';
      const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0;
      return `${files.get(file) ?? path.relative(projectRoot, file)} (line ${line}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    });
    expect(diagnostics).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });
});

/**
 * Run a shell snippet with `mgkit` replaced by the built binary; always `--what-if`. It runs where
 * the files it reads secrets from (`Password=@password.txt`) exist, as a reader would create them.
 */
function runCli(snippet: string): { status: number | null; stdout: string; stderr: string } {
  const command = snippet.replace(/^mgkit(?= )/, `node ${JSON.stringify(cliBin)}`);
  const withWhatIf = /--what-if\b/.test(command) ? command : `${command} \\\n  --what-if`;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['MGKIT_ACCESS_TOKEN'];
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'mgkit-snippet-'));
  try {
    for (const [, file] of command.matchAll(/=@([\w.-]+)/g)) writeFileSync(path.join(cwd, file ?? ''), '<secret>');
    const result = spawnSync('bash', ['-c', withWhatIf], { encoding: 'utf8', env, cwd });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

describe('the CLI lines', () => {
  it('run with the built mgkit and send what the HTTP tab shows', (context) => {
    if (!existsSync(cliBuilt)) {
      console.warn(`SKIPPED: the CLI is not built yet (${path.relative(projectRoot, cliBuilt)} is absent); run npm run build`);
      return context.skip();
    }
    for (const page of operationPages()) {
      const tabs = codeGroupTabs(page.contents);
      const http = tabs.get('HTTP') ?? '';
      const result = runCli(tabs.get('CLI') ?? '');
      expect(result.stderr, page.path).toBe('');
      expect(result.status, page.path).toBe(0);
      expect(result.stdout, page.path).toContain(http.split('\n')[0]);
      const sentBody = JSON.parse(result.stdout.slice(result.stdout.indexOf('\n{') + 1)) as unknown;
      const shownBody = JSON.parse(http.slice(http.indexOf('\n{') + 1)) as { credentials: { key: string }[] };
      // what-if masks the secret values (read from their files) and shows the rest: the same body otherwise
      expect(sentBody).toEqual({ credentials: shownBody.credentials.map((credential) => (credentialValueIsShown(credential) ? credential : { ...credential, value: '***' })) });
    }
  });

  it('document the global options and exit codes as mgkit --help prints them', (context) => {
    if (!existsSync(cliBuilt)) return context.skip();
    const help = spawnSync(process.execPath, [cliBin, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(help.status).toBe(0);
    const helpText = help.stdout.replace(/\s+/g, ' ');
    for (const page of referencePages('cli')) {
      const globals = page.contents.slice(page.contents.indexOf('### Global options'), page.contents.indexOf('## Examples'));
      const rows = [...globals.matchAll(/^\| `([^`]+)` \| (.*) \|$/gm)];
      expect(rows.length, page.path).toBeGreaterThan(5);
      for (const [, option = '', description = ''] of rows) {
        // Markdown escapes and code spans (the docs put example URLs in code) are not in --help.
        const unescape = (cell: string) => cell.replace(/`([^`]*)`/g, '$1').replace(/\\([|_])/g, '$1');
        expect(helpText, `${page.path}: ${option}`).toContain(`${unescape(option)} ${unescape(description)}`);
      }
      const codes = [...page.contents.slice(page.contents.indexOf('## Exit codes')).matchAll(/^\| (\d+) \|/gm)].map((match) => match[1]);
      const exitLine = /^Exit codes:\n(.*)$/m.exec(help.stdout)?.[1] ?? '';
      expect(codes.join(' '), page.path).toBe([...exitLine.matchAll(/(\d+) /g)].map((match) => match[1]).join(' '));
    }
  });

  it('on every CLI command page run too', (context) => {
    if (!existsSync(cliBuilt)) return context.skip();
    const cliPages = referencePages('cli');
    expect(cliPages.length).toBeGreaterThan(0);
    for (const page of cliPages) {
      const examplesSection = page.contents.slice(page.contents.indexOf('## Examples'), page.contents.indexOf('## Exit codes'));
      const examples = [...examplesSection.matchAll(/^```sh\n(mgkit [\s\S]*?)\n```$/gm)].map((match) => match[1] ?? '');
      const runnable = examples.filter((code) => code.includes('--'));
      expect(runnable.length, page.path).toBeGreaterThanOrEqual(3);
      for (const code of runnable) {
        const result = runCli(code);
        expect(`${result.status} ${result.stderr}`, `${page.path}: ${code}`).toBe('0 ');
        expect(result.stdout).toMatch(/^POST https:\/\/graph\.microsoft\.com\/v1\.0\//m);
      }
    }
  });
});
