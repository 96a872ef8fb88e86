// Checks the 4-tab examples of generated operation pages (issue 14): the TypeScript tab
// type-checks against its module's generated client, and the CLI tab runs through one built
// `mgkit` (with --what-if, or as a read sent to 127.0.0.1) and shows the HTTP tab's request.
// Shared by generator/test/join-33-modules.test.ts (a sample of every module) and
// bench/whole-graph-examples.mjs (every operation, the long run).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import ts from 'typescript';

/** The tabs of a page's `::: code-group`, by label. */
export function codeGroupTabs(page) {
  const tabs = new Map();
  const group = /::: code-group\n([\s\S]*?)\n:::/.exec(page)?.[1] ?? '';
  for (const match of group.matchAll(/^(`{3,})\w+ \[([^\]]+)\]\n([\s\S]*?)\n\1$/gm)) tabs.set(match[2], match[3]);
  return tabs;
}

/** The operation pages of each unit's docs (`<root>/out/<unit>/docs/operations/*.md`), with their tabs. */
export function operationPages(root, units) {
  return units.flatMap((unit) => {
    const dir = path.join(root, 'out', unit, 'docs/operations');
    return readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => ({ unit, file: `${unit}/${file}`, tabs: codeGroupTabs(readFileSync(path.join(dir, file), 'utf8')) }));
  });
}

/** Compiler options for examples under `baseUrl`: tsc strict, as a consumer's project would, packages mapped by `paths`. */
export function strictCompilerOptions(baseUrl, paths, projectRoot) {
  return {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    typeRoots: [path.join(projectRoot, 'node_modules/@types')],
    baseUrl,
    paths: { ...paths },
  };
}

/**
 * Type-checks the TypeScript tabs of `pages` (one program per call; the clients of `units` under
 * `<root>/out/<unit>/client` are mapped to `@mgkit/graph-<unit>`). Returns one line per problem in
 * a snippet itself (the clients are type-checked whole elsewhere), and the number of snippets.
 */
export function checkTypeScriptTabs({ root, pages, units, projectRoot, folder = 'snippets' }) {
  const files = new Map();
  for (const [index, page] of pages.entries()) {
    const code = page.tabs.get('TypeScript') ?? '';
    const harness =
      /\brequestAdapter\b/.test(code) && !/const requestAdapter\b/.test(code)
        ? `import type { RequestAdapter } from "@microsoft/kiota-abstractions";\ndeclare const requestAdapter: RequestAdapter;\n${code}\n`
        : `${code}\nexport {};\n`;
    const file = path.join(root, folder, `snippet-${index}.mts`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, harness);
    files.set(file, page.file);
  }
  const paths = {};
  for (const unit of units) {
    paths[`@mgkit/graph-${unit}`] = [`out/${unit}/client/index.ts`];
    paths[`@mgkit/graph-${unit}/*`] = [`out/${unit}/client/*/index.ts`];
  }
  const program = ts.createProgram([...files.keys()], strictCompilerOptions(root, paths, projectRoot));
  const snippetFiles = [...files.keys()].map((file) => program.getSourceFile(file));
  const found = [...program.getOptionsDiagnostics(), ...snippetFiles.flatMap((file) => (file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : []))];
  const problems = found.map((diagnostic) => {
    const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0;
    return `${files.get(diagnostic.file?.fileName ?? '') ?? diagnostic.file?.fileName}:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
  return { checked: snippetFiles.filter(Boolean).length, problems };
}

/** Each shell command line's words, as bash splits them (one bash for all of them). */
export function shellWords(commands) {
  const script = ['words() { printf "%s\\0" "$@"; printf "\\036"; }', ...commands.map((command) => command.replace(/^mgkit /, 'words mgkit '))].join('\n');
  const output = execFileSync('bash', ['-s'], { input: script, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return output
    .split('\u001e')
    .slice(0, commands.length)
    .map((record) => record.split('\0').filter((word, index, all) => index < all.length - 1 || word !== ''));
}

/**
 * Runs each argv through the built CLI's `main` in one child process (asynchronous: the server
 * answering the reads is in this process). A command that has --what-if in every parameter set
 * runs with it; the others call `base` with a token.
 */
async function runExamples(cli, argvs, base) {
  const runner = path.join(cli, 'run-examples.mjs');
  writeFileSync(
    runner,
    `import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { main, resolveCommand } from './dist/main.js';
const { argvs, base, home } = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const argv of argvs) {
  const module = await resolveCommand(argv.filter((word) => !word.startsWith('-'))).entry?.load();
  const whatIfOption = module?.definition.options.find((option) => option.name === 'what-if');
  const whatIf = whatIfOption !== undefined && Object.keys(whatIfOption.sets).length === module.definition.sets.length;
  let stdout = '';
  let stderr = '';
  let requests = 0;
  const code = await main(whatIf ? [...argv, '--what-if'] : [...argv, '--base-url', base, '--debug'], {
    stdin: Readable.from([]),
    stdout: { write: (chunk) => ((stdout += String(chunk)), true) },
    stderr: { write: (chunk) => { const text = String(chunk); requests += (text.match(/^> (GET|POST|PATCH|PUT|DELETE) /gm) ?? []).length; if (!text.startsWith('> ') && !text.startsWith('< ')) stderr += text; return true; } },
    env: { NO_COLOR: '1', XDG_CONFIG_HOME: home, ...(whatIf ? {} : { MGKIT_ACCESS_TOKEN: 'examples-test-token' }) },
    platform: process.platform,
  });
  results.push({ code, stdout, stderr, whatIf, requests });
}
process.stdout.write(JSON.stringify(results));
`,
  );
  const child = spawn(process.execPath, [runner], { cwd: cli, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify({ argvs, base, home: path.dirname(cli) }));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the example runner failed (exit ${code}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`);
  return JSON.parse(stdout);
}

/**
 * Runs the CLI tabs of `pages` through the built CLI package `cli`: reads have no --what-if (their
 * cmdlets have no -WhatIf) and go to a server on 127.0.0.1, which must receive the HTTP tab's
 * method, path and query names; the others run with --what-if, whose output must show the HTTP
 * tab's request line. Files an example reads a value from (`Password=@password.txt`) are created
 * in `workDir`, as a reader would, and so are the files it uploads (`./content.bin`). Returns one line per failing example and the what-if count.
 */
export async function checkCliTabs({ cli, pages, workDir }) {
  const received = [];
  const server = createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '' });
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/v1.0`;
  const argvs = shellWords(pages.map((page) => page.tabs.get('CLI') ?? ''));
  const files = path.join(workDir, 'example-files');
  mkdirSync(files, { recursive: true });
  const lines = pages.map((_page, index) =>
    (argvs[index] ?? []).slice(1).map((word, position, words) =>
      word
        .replace(/(^|=)@([\w.-]+)$/, (_match, before, name) => {
          writeFileSync(path.join(files, name), name.endsWith('.json') ? '{}' : '<secret>');
          return `${before}@${path.join(files, name)}`;
        })
        // a file the example uploads (`--in-file ./content.bin`) or downloads to (`--output-file`)
        .replace(/^\.\/([\w.-]+)$/, (_match, name) => {
          const target = path.join(files, words[position - 1] === '--output-file' ? `downloaded-${index}-${name}` : name);
          if (words[position - 1] !== '--output-file') writeFileSync(target, 'example bytes');
          return target;
        }),
    ),
  );
  let whatIf = 0;
  const problems = [];
  try {
    const results = await runExamples(cli, lines, base);
    let next = 0;
    for (const [index, page] of pages.entries()) {
      const result = results[index];
      const requests = received.slice(next, next + result.requests);
      next += result.requests;
      if (result.code !== 0) {
        problems.push(`${page.file}: exit ${result.code}: ${result.stderr.trim()}`);
        continue;
      }
      const shown = (page.tabs.get('HTTP') ?? '').split('\n')[0] ?? '';
      if (result.whatIf) {
        whatIf += 1;
        if (!result.stdout.includes(shown)) problems.push(`${page.file}: --what-if does not show ${shown}`);
        continue;
      }
      const [method, url] = shown.split(' ');
      const expected = new URL(url ?? '');
      const sent = requests[0] ? new URL(requests[0].url, base) : undefined;
      const got = sent ? [requests[0]?.method, decodeURIComponent(sent.pathname), [...sent.searchParams.keys()].sort().join('&')] : [];
      const wanted = [method, decodeURIComponent(expected.pathname), [...expected.searchParams.keys()].sort().join('&')];
      if (requests.length !== 1 || JSON.stringify(got) !== JSON.stringify(wanted)) problems.push(`${page.file}: sent ${JSON.stringify(requests)}, the HTTP tab shows ${shown}`);
    }
  } finally {
    server.close();
  }
  return { ran: pages.length, whatIf, problems };
}
