/**
 * The bad-input catalog: one table of hostile inputs to the built tools, each row what a probe
 * tried and what must happen instead — a clear one-line message, the right exit code, nothing
 * written outside the output folders, no secret in any byte printed. Extend it with a row per
 * new case; each row runs on its own throw-away project (mgkit-gen) or in-process (mgkit).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeGeneratedProject, runGenerator, snapshotTree } from './helpers/project.js';
import { projectRoot } from './helpers/paths.js';

type Project = Awaited<ReturnType<typeof makeGeneratedProject>>;

/** A row for `mgkit-gen`: edit a generated project, run the generator, check what it said and did. */
interface GeneratorRow {
  readonly id: string;
  /** Edits the project (config, lock, description…) before the run. */
  readonly arrange: (project: Project) => Promise<void>;
  readonly args?: readonly string[];
  readonly exit: number;
  /** What stderr must say (the first line, compiler style). */
  readonly stderr: RegExp;
  /** Whether the project must be byte-identical after the run (nothing written, nothing deleted). */
  readonly untouched?: boolean;
  /** Further checks after the run, and undoing what `arrange` did outside the files (chattr). */
  readonly check?: (project: Project) => Promise<void>;
  readonly cleanup?: (project: Project) => Promise<void>;
}

const execFileAsync = promisify(execFile);
/** `chattr +i` (root on ext4 and most Linux file systems): makes a rename onto the file fail. */
async function immutable(file: string, on: boolean): Promise<boolean> {
  return execFileAsync('chattr', [on ? '+i' : '-i', file]).then(
    () => true,
    () => false,
  );
}

async function temporariesUnder(root: string): Promise<string[]> {
  const snapshot = await snapshotTree(root);
  return [...snapshot.keys()].filter((file) => file.endsWith('.mgkit-tmp'));
}

const victims: string[] = [];
/** A file outside the project that no run may touch. */
async function plantVictim(name: string): Promise<string> {
  const file = path.join(os.tmpdir(), `mgkit-victim-${process.pid}-${name}`);
  await writeFile(file, 'not yours\n');
  victims.push(file);
  return file;
}

async function editLock(
  project: Project,
  edit: (lock: { units: Record<string, { inputs: { path: unknown; sha256: unknown }[]; outputs: { path: unknown; sha256: unknown }[] }> }) => void,
): Promise<void> {
  const file = path.join(project.root, 'specs/mgkit-lock.json');
  const lock = JSON.parse(await readFile(file, 'utf8'));
  edit(lock);
  await writeFile(file, `${JSON.stringify(lock, null, 2)}\n`);
}

async function editText(project: Project, relative: string, edit: (text: string) => string): Promise<void> {
  const file = path.join(project.root, relative);
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

const CONFIG = 'specs/mgkit.config.yaml';
const relativeTo = (project: Project, file: string) => path.relative(path.join(project.root, 'specs'), file).split(path.sep).join('/');

const generatorRows: GeneratorRow[] = [
  {
    id: 'lock: a stale output ../../x outside the output folders',
    arrange: async (project) => {
      const victim = await plantVictim('relative');
      await editLock(project, (lock) => lock.units['applications']?.outputs.push({ path: relativeTo(project, victim), sha256: '0' }));
    },
    exit: 1,
    stderr: /mgkit-lock\.json:\d+:\d+: error lock\/path-outside-scope: .*outside the project; refusing to read or delete it/,
    untouched: true,
  },
  {
    id: 'lock: a stale output given as an absolute path',
    arrange: async (project) => {
      const victim = await plantVictim('absolute');
      await editLock(project, (lock) => lock.units['applications']?.outputs.push({ path: victim, sha256: '0' }));
    },
    exit: 1,
    stderr: /error lock\/path-outside-scope/,
    untouched: true,
  },
  {
    id: 'lock: --force with an outside entry whose hash differs',
    arrange: async (project) => {
      const victim = await plantVictim('force');
      await editLock(project, (lock) => lock.units['applications']?.outputs.push({ path: relativeTo(project, victim), sha256: 'different' }));
    },
    args: ['--force'],
    exit: 1,
    stderr: /error lock\/path-outside-scope/,
    untouched: true,
  },
  {
    id: 'lock: an input entry outside the project and the configured inputs',
    arrange: async (project) => {
      const victim = await plantVictim('input');
      await editLock(project, (lock) => lock.units['applications']?.inputs.push({ path: victim, sha256: '0' }));
    },
    exit: 1,
    stderr: /error lock\/path-outside-scope: .*outside the project and the unit's configured inputs/,
    untouched: true,
  },
  {
    id: 'lock: "path": null (valid JSON, wrong shape)',
    arrange: (project) =>
      editLock(project, (lock) => {
        const first = lock.units['applications']?.outputs[0];
        if (first) first.path = null;
      }),
    exit: 1,
    stderr: /mgkit-lock\.json:\d+:\d+: error lock\/unreadable: the lock file's entry units\.applications\.outputs\.0 is not/,
    untouched: true,
  },
  {
    id: 'lock: outputs is not an array',
    arrange: (project) =>
      editLock(project, (lock) => {
        (lock.units['applications'] as unknown as Record<string, unknown>)['outputs'] = 'x';
      }),
    exit: 1,
    stderr: /error lock\/unreadable: .*units\.applications\.outputs is not/,
    untouched: true,
  },
  {
    id: 'config: an absolute output dir',
    arrange: (project) => editText(project, CONFIG, (text) => text.replace('dir: ../docs/reference', `dir: ${path.join(os.tmpdir(), 'mgkit-evil-docs')}`)),
    exit: 1,
    stderr: /mgkit\.config\.yaml:\d+:\d+: error config\/output-outside-project: outputs\.docs\.dir .* is an absolute path/,
    untouched: true,
  },
  {
    id: 'config: an output dir whose .. leaves the project',
    arrange: (project) => editText(project, CONFIG, (text) => text.replace('dir: ../docs/reference', 'dir: ../../../mgkit-evil')),
    exit: 1,
    stderr: /mgkit\.config\.yaml:\d+:\d+: error config\/output-outside-project: outputs\.docs\.dir \.\.\/\.\.\/\.\.\/mgkit-evil leaves the project/,
    untouched: true,
  },
  {
    id: 'lock: merge conflict markers',
    arrange: (project) => editText(project, 'specs/mgkit-lock.json', (text) => text.replace('  "units": {', '<<<<<<< HEAD\n  "units": {')),
    exit: 1,
    stderr: /mgkit-lock\.json:\d+:1: error lock\/unreadable: the lock file holds merge conflict markers/,
    untouched: true,
  },
  {
    id: 'lock: not JSON',
    arrange: (project) => editText(project, 'specs/mgkit-lock.json', (text) => text.replace('"units": {', '"units": {,')),
    exit: 1,
    stderr: /mgkit-lock\.json:\d+:\d+: error lock\/unreadable: the lock file is not valid JSON/,
    untouched: true,
  },
  {
    id: 'lock: no units entry',
    arrange: (project) => writeFile(path.join(project.root, 'specs/mgkit-lock.json'), '{"generator":"x","config":{"path":"mgkit.config.yaml","sha256":"0"}}\n'),
    exit: 1,
    stderr: /error lock\/unreadable: the lock file has no config or units entry/,
    untouched: true,
  },
  {
    id: 'lock: a JSON array instead of an object',
    arrange: (project) => writeFile(path.join(project.root, 'specs/mgkit-lock.json'), '[]\n'),
    exit: 1,
    stderr: /error lock\/unreadable/,
    untouched: true,
  },
  {
    id: 'lock: config entry without a sha256',
    arrange: (project) => editText(project, 'specs/mgkit-lock.json', (text) => text.replace(/("config": \{\s*"path": "[^"]*"),\s*"sha256": "[^"]*"/, '$1')),
    exit: 1,
    stderr: /error lock\/unreadable: the lock file's entry config is not/,
    untouched: true,
  },
  {
    id: 'lock: an output path with backslashes',
    arrange: (project) => editLock(project, (lock) => lock.units['applications']?.outputs.push({ path: '..\\..\\x', sha256: '0' })),
    exit: 1,
    stderr: /error lock\/path-outside-scope/,
    untouched: true,
  },
  {
    id: 'lock: an output path with a drive letter',
    arrange: (project) => editLock(project, (lock) => lock.units['applications']?.outputs.push({ path: 'C:/Windows/x', sha256: '0' })),
    exit: 1,
    stderr: /error lock\/path-outside-scope/,
    untouched: true,
  },
  {
    id: 'lock: a stale output inside the project but outside the output folders is kept unless provably generated',
    arrange: async (project) => {
      await writeFile(path.join(project.root, 'package.json'), '{"name":"mine"}\n');
      await editLock(project, (lock) => lock.units['applications']?.outputs.push({ path: '../package.json', sha256: '0' }));
    },
    args: ['--force'],
    exit: 0,
    stderr: /^$/,
    check: async (project) => {
      expect(await readFile(path.join(project.root, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');
    },
  },
  {
    id: 'lock: a stale output in a folder the config no longer uses is deleted when it is provably generated',
    arrange: (project) => editText(project, CONFIG, (text) => text.replace('dir: ../docs/reference', 'dir: ../docs/moved')),
    exit: 0,
    stderr: /^$/,
    check: async (project) => {
      expect(existsSync(path.join(project.root, 'docs/reference/index.md'))).toBe(false);
      expect(existsSync(path.join(project.root, 'docs/moved/index.md'))).toBe(true);
    },
  },
  {
    id: 'lock: an output that climbs out and back in (packages/../../x)',
    arrange: (project) => editLock(project, (lock) => lock.units['applications']?.outputs.push({ path: '../packages/../../outside.txt', sha256: '0' })),
    exit: 1,
    stderr: /error lock\/path-outside-scope/,
    untouched: true,
  },
  {
    id: 'config: an unknown key names the keys it could be',
    arrange: (project) => editText(project, CONFIG, (text) => text.replace('    include:\n', '    inculde: {}\n    include:\n')),
    exit: 1,
    stderr: /mgkit\.config\.yaml:\d+:\d+: error config\/unknown-key: unknown key 'inculde'/,
    untouched: true,
  },
  {
    id: 'config: YAML that does not parse',
    arrange: (project) => editText(project, CONFIG, (text) => text.replace('units:\n', 'units: [\n')),
    exit: 1,
    stderr: /mgkit\.config\.yaml:\d+:\d+: error config\//,
    untouched: true,
  },
  {
    id: 'config: an output folder that holds the inputs',
    arrange: (project) => editText(project, CONFIG, (text) => text.replace('dir: ../docs/reference', 'dir: .')),
    exit: 1,
    stderr: /mgkit\.config\.yaml:\d+:\d+: error config\/output-overlaps-input/,
    untouched: true,
  },
  {
    id: 'config: a target without the target it reads from (cli without client)',
    arrange: (project) =>
      editText(project, CONFIG, (text) =>
        text.replace(
          /      client:\n        dir: \.\.\/packages\/graph-client\/src\/generated\n        packageName: "@mgkit\/graph-client"\n(?:        #[^\n]*\n)*(?:        packageVersion: [^\n]*\n)?/,
          '',
        ),
      ),
    exit: 1,
    stderr: /mgkit\.config\.yaml:\d+:\d+: error config\/missing-target: outputs\.cli needs outputs\.client too \(cli reads what client generates\)/,
    untouched: true,
  },
  {
    id: 'config: two units with one name',
    arrange: (project) =>
      editText(project, CONFIG, (text) => {
        const unit = text.slice(text.indexOf('  - name: applications'));
        return `${text}${unit.replace(/dir: \.\.\/(\S+)/g, 'dir: ../second/$1')}`;
      }),
    exit: 1,
    stderr: /error config\/duplicate-unit: generation unit name 'applications' is used twice/,
    untouched: true,
  },
  {
    id: 'config: the description file is missing',
    arrange: (project) => editText(project, CONFIG, (text) => text.replace('openapi: openapi/acquireAccessToken.yaml', 'openapi: openapi/missing.yaml')),
    exit: 1,
    stderr: /missing\.yaml/,
    untouched: true,
  },
  {
    id: 'description: a dangling $ref',
    arrange: (project) =>
      editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) =>
        text.replace(/#\/components\/schemas\/microsoft\.graph\.synchronizationSecretKeyStringValuePair/, '#/components/schemas/microsoft.graph.noSuchSchema'),
      ),
    exit: 1,
    stderr: /acquireAccessToken\.yaml:\d+:\d+: error openapi\/[a-z-]+ref/,
    untouched: true,
  },
  {
    id: 'description: a schema type OpenAPI does not have (type: frobnicator)',
    arrange: (project) => editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) => text.replace(/type: string(\n\s+description: The value of the secret\.)/, 'type: frobnicator$1')),
    exit: 1,
    stderr: /acquireAccessToken\.yaml:\d+:\d+: error openapi\/unknown-type: schema type "frobnicator" is not an OpenAPI type/,
    untouched: true,
  },
  {
    id: 'description: a path template whose parameter is not declared',
    arrange: (project) => editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) => text.replace('- name: application-id', '- name: app-id')),
    exit: 1,
    stderr: /acquireAccessToken\.yaml:\d+:\d+: error openapi\/undeclared-path-parameter: .*\{application-id\}/,
    untouched: true,
  },
  {
    id: 'description: not YAML at all',
    arrange: (project) => writeFile(path.join(project.root, 'specs/openapi/acquireAccessToken.yaml'), 'openapi: [3.0.1\n  paths: {\n'),
    exit: 1,
    stderr: /acquireAccessToken\.yaml:\d+:\d+: error /,
    untouched: true,
  },
  {
    id: 'description: an empty file',
    arrange: (project) => writeFile(path.join(project.root, 'specs/openapi/acquireAccessToken.yaml'), ''),
    exit: 1,
    stderr: /acquireAccessToken\.yaml(:\d+:\d+)?: error /,
    untouched: true,
  },
  {
    id: 'description: an enum value listed twice is a warning and generated once',
    arrange: (project) => editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) => text.replace('        - UserName\n', '        - UserName\n        - UserName\n')),
    args: ['--force'],
    exit: 0,
    stderr: /warning model\/duplicate-enum-value: enum SynchronizationSecret: the value "UserName" is listed twice/,
  },
  {
    id: 'description: enum values that are not strings are named in a warning',
    arrange: (project) => editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) => text.replace('        - UserName\n', '        - UserName\n        - 42\n        - true\n')),
    args: ['--force'],
    exit: 0,
    stderr: /warning model\/non-string-enum-value: enum SynchronizationSecret: 42, true are not strings and are left out/,
  },
  {
    id: 'description: values that collide as member names are renamed with a warning',
    arrange: (project) => editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) => text.replace('        - UserName\n', '        - UserName\n        - userName\n')),
    args: ['--force'],
    exit: 0,
    stderr: /warning model\/enum-member-renamed: enum SynchronizationSecret: "userName" would be named UserName like an earlier value, so it is named UserName_/,
  },
  {
    id: 'description: Latin-1 bytes are named as such, with their line',
    arrange: async (project) => {
      const file = path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');
      const text = await readFile(file, 'latin1');
      await writeFile(file, Buffer.from(text.replace('description: The value of the secret.', 'description: The café secret.'), 'latin1'));
    },
    exit: 1,
    stderr: /acquireAccessToken\.yaml:\d+:\d+: error openapi\/encoding: the file is not UTF-8: byte 0xE9 here starts no valid UTF-8 character \(Latin-1 or Windows-1252\?\)/,
    untouched: true,
  },
  {
    id: 'description: a UTF-16 file is named as such',
    arrange: async (project) => {
      const file = path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');
      const text = await readFile(file, 'utf8');
      await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    },
    exit: 1,
    stderr: /acquireAccessToken\.yaml: error openapi\/encoding: the file is UTF-16, not UTF-8/,
    untouched: true,
  },
  {
    id: 'cmdlet help: a Latin-1 help file is named as such',
    arrange: async (project) => {
      const file = path.join(project.root, 'specs/cmdlets/Get-MgApplicationSynchronizationAccessToken.md');
      const text = await readFile(file, 'utf8');
      await writeFile(file, Buffer.from(text.replace('## SYNOPSIS\n', '## SYNOPSIS\nRésumé. '), 'latin1'));
    },
    exit: 1,
    stderr: /Get-MgApplicationSynchronizationAccessToken\.md:\d+:\d+: error cmdlet\/encoding: the file is not UTF-8/,
    untouched: true,
  },
  {
    id: 'description: a JSON description with a trailing comma is an error with line and column',
    arrange: async (project) => {
      const yamlText = await readFile(path.join(project.root, 'specs/openapi/acquireAccessToken.yaml'), 'utf8');
      const { parse } = await import('yaml');
      const json = JSON.stringify(parse(yamlText), null, 2).replace('"title": "Applications",', '"title": "Applications",\n    "extra": 1,\n  },\n  "x-dummy": {');
      await writeFile(path.join(project.root, 'specs/openapi/acquireAccessToken.json'), json.replace(/("x-dummy": \{)/, '$1'));
      await editText(project, CONFIG, (text) => text.replace('openapi: openapi/acquireAccessToken.yaml', 'openapi: openapi/acquireAccessToken.json'));
    },
    exit: 1,
    stderr: /acquireAccessToken\.json:\d+:\d+: error openapi\/parse-error: Invalid JSON: a trailing comma before the closing bracket/,
    untouched: true,
  },
  {
    id: 'description: inline schemas nested 300 deep',
    arrange: (project) =>
      editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) => {
        let nested = '{ type: string }';
        for (let level = 0; level < 300; level += 1) nested = `{ type: object, properties: { l${level}: ${nested} } }`;
        return text.replace(/type: string(\n\s+description: The value of the secret\.)/, `type: object\n          properties: { deep: ${nested} }$1`);
      }),
    exit: 1,
    stderr: /error model\/nesting-too-deep: a schema nests more than 32 levels deep inline/,
    untouched: true,
  },
  {
    id: 'description: nesting 5,000 deep is an error, not a stack overflow',
    arrange: (project) => editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) => text.replace('paths:\n', `x-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\npaths:\n`)),
    exit: 1,
    stderr: /acquireAccessToken\.yaml:\d+:\d+: error openapi\/nesting-too-deep: the YAML nests too deeply to read/,
    untouched: true,
  },
  {
    id: 'description: a chain of 16,000 $refs resolves (linear, it used to never finish)',
    arrange: (project) =>
      editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) => {
        const chain = Array.from({ length: 16_000 }, (_, index) => `    chain${index}:\n      $ref: '#/components/schemas/chain${index + 1}'\n`).join('');
        return text
          .replace('  schemas:\n', `  schemas:\n${chain}    chain16000:\n      type: string\n      description: The value of the secret.\n`)
          .replace(/type: string\n(\s+)description: The value of the secret\.\n\s+nullable: true/, "$ref: '#/components/schemas/chain0'");
      }),
    args: ['--force'],
    exit: 0,
    stderr: /^$/,
  },
  {
    id: 'cmdlet help: 32,000 parameters on one SYNTAX line are read (linear, it took 46 s)',
    arrange: (project) =>
      editText(project, 'specs/cmdlets/Get-MgApplicationSynchronizationAccessToken.md', (text) =>
        text.replace(
          /(### AcquireExpanded \(Default\)\n```\n)(Get-MgApplicationSynchronizationAccessToken )/,
          `$1$2${Array.from({ length: 32_000 }, (_, index) => `[-P${index} <String>]`).join(' ')} `,
        ),
      ),
    args: ['--check'],
    exit: 1,
    stderr: /Get-MgApplicationSynchronizationAccessToken\.md:17:45: error cmdlet\/undocumented-parameter: Syntax block 'AcquireExpanded' names -P0/,
  },
  {
    id: 'cmdlet help: NUL bytes and escape sequences in the file',
    arrange: (project) => editText(project, 'specs/cmdlets/Get-MgApplicationSynchronizationAccessToken.md', (text) => text.replace('## SYNTAX', '## SYNTAX\u0000\u001b]0;x\u0007')),
    args: ['--check'],
    exit: 1,
    stderr: /./,
  },
  {
    id: 'output: a temporary file left by a run cut short makes --check fail, naming it',
    arrange: (project) => writeFile(path.join(project.root, 'packages/cli/src/generated/command-index.ts.4242.mgkit-tmp'), 'half'),
    args: ['--check'],
    exit: 1,
    stderr: /command-index\.ts\.4242\.mgkit-tmp: error output\/leftover-temporary: .*cut short/,
    untouched: true,
  },
  {
    id: 'output: a rename that fails after staging (the lock is immutable) leaves no temporary file',
    arrange: async (project) => {
      await editText(project, 'specs/openapi/acquireAccessToken.yaml', (text) => `${text}# changed\n`);
      if (!(await immutable(path.join(project.root, 'specs/mgkit-lock.json'), true))) throw new Error('chattr +i is not available here (needs root on a Linux file system)');
    },
    exit: 1,
    stderr: /mgkit-lock\.json: error output\/unwritable: cannot put the file in place \(EPERM\); 0 of 1 file\(s\) were written and the lock was not updated/,
    check: async (project) => {
      expect(await temporariesUnder(project.root)).toEqual([]);
      await immutable(path.join(project.root, 'specs/mgkit-lock.json'), false);
      const check = await runGenerator(['generate', '--config', project.configFile, '--check'], project.root);
      expect(check.status).toBe(1); // not "up to date": the lock still records the old input
      expect(check.stderr).toContain('update specs/mgkit-lock.json');
    },
    cleanup: async (project) => {
      await immutable(path.join(project.root, 'specs/mgkit-lock.json'), false);
    },
  },
];

afterAll(async () => {
  for (const victim of victims) {
    // the victims must still be there: no row may delete outside the project
    expect(await readFile(victim, 'utf8')).toBe('not yours\n');
  }
});

describe('bad-input catalog: mgkit-gen', () => {
  it.each(generatorRows.map((row) => [row.id, row] as const))('%s', async (_id, row) => {
    const project = await makeGeneratedProject();
    try {
      await row.arrange(project);
      const before = row.untouched ? await snapshotTree(project.root) : undefined;
      const result = await runGenerator(['generate', '--config', project.configFile, ...(row.args ?? [])], project.root);
      expect(result.stderr.split('\n')[0]).toMatch(row.stderr);
      expect(result.stderr).not.toMatch(/^\s+at /m); // a message, never a stack
      expect(result.status).toBe(row.exit);
      if (before) expect(await snapshotTree(project.root)).toEqual(before);
      for (const victim of victims) expect(existsSync(victim), victim).toBe(true);
      await row.check?.(project);
    } finally {
      await row.cleanup?.(project);
      await project.dispose();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// mgkit: the built CLI in-process (main(argv, io)), against servers on 127.0.0.1 that misbehave.

const SECRET = 'Catal0g-Secret-"quoted"\\back\\slash';
const TOKEN = 'catalog.token.Signature9f8e';
const CLI_SECRETS = [SECRET, JSON.stringify(SECRET).slice(1, -1), encodeURIComponent(SECRET), TOKEN];
const APP = ['applications', 'synchronization', 'acquire-access-token', 'post'];

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A server on a loopback address that records what reached it and answers with `reply`. */
async function serve(host: string, reply: (request: Recorded, response: ServerResponse) => void): Promise<{ origin: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer((incoming, response) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
    incoming.on('end', () => {
      const request = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body };
      requests.push(request);
      reply(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function runMgkit(args: readonly string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  const { main } = (await import(path.join(projectRoot, 'packages/cli/dist/main.js'))) as { main: (argv: readonly string[], io: unknown) => Promise<number> };
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
    env: { PATH: process.env['PATH'], NO_COLOR: '1', XDG_CONFIG_HOME: path.join(os.tmpdir(), `mgkit-catalog-${process.pid}`), MGKIT_ACCESS_TOKEN: TOKEN, ...options.env },
    platform: process.platform,
  });
  return { code, stdout, stderr };
}

/** A row for `mgkit`: a server that misbehaves (or none), a command line, what must happen. */
interface CliRow {
  readonly id: string;
  /** What the Graph-like server answers; `other` is a second server on another loopback address. */
  readonly reply?: (request: Recorded, response: ServerResponse, other: string) => void;
  /** The command line after the command words; BASE is the server's service root. */
  readonly args: (base: string) => readonly string[];
  readonly input?: string;
  readonly exit: number;
  readonly stderr: RegExp;
  /** How many requests may reach the second server (default 0). */
  readonly otherRequests?: number;
  /** Further checks on the result (files written, bytes on stderr). */
  readonly check?: (result: CliResult, received: readonly Recorded[]) => Promise<void> | void;
}

const odataError = (response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req-catalog', ...headers });
  response.end(JSON.stringify({ error: { code: 'BadRequest', message, innerError: { 'request-id': 'req-catalog' } } }));
};
/** A careless service that quotes the request body back in its error message. */
const echoBody = (status: number) => (request: Recorded, response: ServerResponse) => odataError(response, status, `Invalid request: ${request.body}`);
const ESC = '\u001b';
const hasNoEscape = (result: CliResult) => {
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/[\u001b\u009b\u009d\u0007]/);
};
const headersFile = path.join(os.tmpdir(), `mgkit-catalog-headers-${process.pid}.json`);

const redirectTo = (status: number) => (_request: Recorded, response: ServerResponse, other: string) => {
  response.writeHead(status, { location: `${other}/v1.0/stolen` });
  response.end();
};

const cliRows: CliRow[] = [
  ...[301, 302, 307, 308].map(
    (status): CliRow => ({
      id: `redirect: ${status} to another origin with the credential body is refused`,
      reply: redirectTo(status),
      args: (base) => [...APP, '--application-id', 'a', '--credentials', `SecretToken=${SECRET}`, '--base-url', base],
      exit: 1,
      stderr: new RegExp(`^error: refused a ${status} redirect from http://127\\.0\\.0\\.1:\\d+ to http://127\\.0\\.0\\.2:\\d+: .*another origin; nothing was sent there \\(check --base-url\\)$`),
    }),
  ),
  {
    id: 'scrub: a secret with " and \\ echoed JSON-escaped in an OData error message',
    reply: echoBody(400),
    args: (base) => [...APP, '--application-id', 'a', '--credentials', `SecretToken=${SECRET}`, '--base-url', base],
    exit: 1,
    stderr: /^error: 400 BadRequest: Invalid request: .*\*\*\*.* \(request-id: req-catalog, client-request-id: [0-9a-f-]{36}\)$/,
  },
  {
    id: 'scrub: the escaped secret in a 503 text/plain body (no retry: Retry-After past --timeout)',
    reply: (request, response) => {
      response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '3600' });
      response.end(`upstream rejected ${request.body}`);
    },
    args: (base) => [...APP, '--application-id', 'a', '--credentials', `SecretToken=${SECRET}`, '--base-url', base],
    exit: 1,
    stderr: /^error: 503/,
  },
  {
    id: 'scrub: the escaped secret echoed by the server, seen through --debug',
    reply: echoBody(400),
    args: (base) => [...APP, '--application-id', 'a', '--credentials', `SecretToken=${SECRET}`, '--debug', '--base-url', base],
    exit: 1,
    stderr: /^> POST http:\/\/127\.0\.0\.1/,
  },
  {
    id: 'scrub: an unknown property of a credential is named, its value never quoted',
    args: (base) => [...APP, '--application-id', 'a', '--body', JSON.stringify({ credentials: [{ key: 'SecretToken', value: 'v', other: SECRET }] }), '--base-url', base],
    exit: 2,
    stderr: /credentials\[0\]\.other: expected object, got string(?! ")/,
  },
  {
    id: 'scrub: --debug masks a header given with --header (X-Api-Key)',
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=https://scim.example.com', '--header', `X-Api-Key: ${SECRET}`, '--debug', '--base-url', base],
    exit: 0,
    stderr: /^> POST /,
    check: (result) => {
      expect(result.stderr.toLowerCase()).toContain('> x-api-key: ***');
    },
  },
  {
    id: 'scrub: user:password in --base-url never printed (--debug trace)',
    reply: (_request, response) => odataError(response, 500, 'boom'),
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--debug', '--base-url', base.replace('http://', `http://admin:${encodeURIComponent(SECRET)}@`)],
    exit: 1,
    stderr: /^> POST http:\/\/admin:\*\*\*@127\.0\.0\.1/,
  },
  {
    id: 'scrub: a secret echoed in a response header does not reach the --response-headers file',
    reply: (request, response) => {
      response.writeHead(204, { 'x-echo': encodeURIComponent(request.body), 'request-id': 'r' });
      response.end();
    },
    args: (base) => [...APP, '--application-id', 'a', '--credentials', `SecretToken=${SECRET}`, '--response-headers', headersFile, '--base-url', base],
    exit: 0,
    stderr: /^$/,
    check: async () => {
      const written = await readFile(headersFile, 'utf8');
      expect(written).toContain('"x-echo"');
      for (const secret of CLI_SECRETS) expect(written).not.toContain(secret);
    },
  },
  {
    id: 'http: Content-Length given with --header is refused (it would split the request)',
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--header', 'Content-Length: 5', '--base-url', base],
    exit: 2,
    stderr: /^error: --header: Content-Length is set by the HTTP stack/,
  },
  ...['Host: evil.example', 'Transfer-Encoding: chunked', 'Connection: close'].map(
    (header): CliRow => ({
      id: `http: ${header.split(':')[0]} given with --header is refused`,
      args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--header', header, '--base-url', base],
      exit: 2,
      stderr: /^error: --header: .* is set by the HTTP stack/,
    }),
  ),
  {
    id: 'http: a non-ASCII header value is a usage error, not "cannot reach"',
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--header', 'X-Note: café', '--base-url', base],
    exit: 2,
    stderr: /^error: --header: the value of X-Note holds a character outside ASCII/,
  },
  {
    id: 'http: a line break in a header value (header injection)',
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--header', 'X-A: 1\r\nX-Injected: 2', '--base-url', base],
    exit: 2,
    stderr: /^error: --header: the value of X-A holds a line break/,
  },
  {
    id: 'http: a header without a name',
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--header', ': v', '--base-url', base],
    exit: 2,
    stderr: /^error: --header: expected 'Name: value'/,
  },
  {
    id: 'input: --base-url that is not http(s)',
    args: () => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', 'file:///etc/passwd'],
    exit: 2,
    stderr: /^error: --base-url: 'file:\/\/\/etc\/passwd' is not an http\(s\) URL/,
  },
  {
    id: 'input: --base-url with a password and a non-http scheme never echoes the password',
    args: () => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', `ftp://admin:${encodeURIComponent(SECRET)}@example.com/`],
    exit: 2,
    stderr: /^error: --base-url: 'ftp:\/\/admin:\*\*\*@example\.com\/' is not an http\(s\) URL/,
  },
  {
    id: 'input: a credential key outside the enum',
    args: (base) => [...APP, '--application-id', 'a', '--credentials', `NoSuchKey=${SECRET}`, '--base-url', base],
    exit: 2,
    stderr: /NoSuchKey/,
  },
  {
    id: 'input: --body that is not JSON',
    args: (base) => [...APP, '--application-id', 'a', '--body', '{"credentials": [', '--base-url', base],
    exit: 2,
    stderr: /^error: --body/,
  },
  {
    id: 'input: --body @file that does not exist',
    args: (base) => [...APP, '--application-id', 'a', '--body', '@/nonexistent/body.json', '--base-url', base],
    exit: 2,
    stderr: /^error: --body @\/nonexistent\/body\.json: cannot read the file \(no such file\)/,
  },
  {
    id: 'input: --body with a secret of the wrong type is not quoted',
    args: (base) => [...APP, '--application-id', 'a', '--body', JSON.stringify({ credentials: [{ key: 'SecretToken', value: { nested: SECRET } }] }), '--base-url', base],
    exit: 2,
    stderr: /credentials\[0\]\.value: expected string or null, got object(?! )/,
  },
  {
    id: 'input: --body - with NUL bytes and escape sequences on stdin',
    args: (base) => [...APP, '--application-id', 'a', '--body', '-', '--base-url', base],
    input: '\u0000\u001b]0;x\u0007{',
    exit: 2,
    stderr: /^error: --body/,
    check: hasNoEscape,
  },
  {
    id: 'input: --input-object without the id it needs',
    args: (base) => [...APP, '--input-object', '{"ServicePrincipalId":"x"}', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 2,
    stderr: /^error: --input-object/,
  },
  {
    id: 'input: two parameter sets mixed',
    args: (base) => [...APP, '--application-id', 'a', '--body', '{"credentials":[]}', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 2,
    stderr: /^error: /,
  },
  {
    id: 'input: --timeout that is not a number',
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--timeout', 'soon', '--base-url', base],
    exit: 2,
    stderr: /^error: --timeout: 'soon' is not a positive number of seconds/,
  },
  {
    id: 'input: an unknown option is named with a suggestion',
    args: (base) => [...APP, '--aplication-id', 'a', '--base-url', base],
    exit: 2,
    stderr: /^error: unknown option --aplication-id.*--application-id/,
  },
  {
    id: 'server: an HTML 502 page is summarised, not dumped',
    reply: (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(`<html><body><h1>Bad Gateway</h1><p>${ESC}[2J</p></body></html>`);
    },
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 1,
    stderr: /^error: 502/,
    check: hasNoEscape,
  },
  {
    id: 'server: an OData error whose message is 100 KB long stays one line',
    reply: (_request, response) => odataError(response, 400, 'x'.repeat(100_000)),
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 1,
    stderr: /^error: 400 BadRequest: x+/,
    check: (result) => {
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    },
  },
  {
    id: 'server: a 404 with a non-JSON body keeps its status and exit code',
    reply: (_request, response) => {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    },
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 3,
    stderr: /^error: 404/,
  },
  {
    id: 'body: a property named __proto__ (--additional-properties) is sent, not turned into a prototype',
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--additional-properties', '{"__proto__":{"polluted":true},"constructor":{"x":1}}', '--base-url', base],
    exit: 0,
    stderr: /^$/,
    check: (_result, received) => {
      const sent = JSON.parse(received[0]?.body ?? '{}') as Record<string, unknown>;
      expect(Object.keys(sent)).toEqual(['credentials', '__proto__', 'constructor']);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  },
  {
    id: 'http: a connection reset after the response headers says the request may have been processed',
    reply: (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"partial":');
      setTimeout(() => response.socket?.destroy(), 20);
    },
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 1,
    stderr: /^error: the connection to http:\/\/127\.0\.0\.1:\d+ broke after the response began \(.*\); the request may have been processed: check before sending it again$/,
  },
  {
    id: 'http: a redirect loop gets its own message',
    reply: (request, response) => {
      response.writeHead(302, { location: request.url });
      response.end();
    },
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 1,
    stderr: /^error: the service kept redirecting: 5 redirects, the last a 302 to \/v1\.0\/applications\/a\/.*; mgkit stops there \(a redirect loop\?\), check --base-url$/,
  },
  {
    id: 'http: 429 until the retries run out says so, not "past --timeout"',
    reply: (_request, response) => odataError(response, 429, 'Too many requests.', { 'retry-after': '0' }),
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 1,
    stderr: /\nerror: 429 BadRequest: Too many requests\. \(request-id: req-catalog, client-request-id: [0-9a-f-]{36}\) \(still 429 after 3 retries; try again later\)$/,
    check: (result) => {
      expect(result.stderr).not.toContain('past --timeout');
    },
  },
  {
    id: 'http: a response body over the cap is refused with a clear error, not held in memory',
    reply: (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 70 && response.write(chunk)) sent += 1;
        if (sent < 70) response.once('drain', pump);
        else response.end();
      };
      response.on('error', () => undefined);
      pump();
    },
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 1,
    stderr: /^error: the response from http:\/\/127\.0\.0\.1:\d+ is larger than 64 MiB, the most mgkit reads; nothing was printed/,
  },
  {
    id: 'terminal: OSC and CSI sequences in an OData error message are not printed',
    reply: (_request, response) => odataError(response, 400, `bad ${ESC}]0;pwned${'\u0007'} title ${ESC}[2J cleared ${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\ ${'\u009b'}31m c1`),
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--base-url', base],
    exit: 1,
    stderr: /^error: 400 BadRequest: bad {1,2}title {1,2}cleared link {1,2}(31m )?c1/,
    check: hasNoEscape,
  },
  {
    id: 'terminal: escape sequences in an error body seen through --debug',
    reply: (_request, response) => odataError(response, 400, `x ${ESC}]0;pwned${'\u0007'} y`),
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '--debug', '--base-url', base],
    exit: 1,
    stderr: /^> POST /,
    check: hasNoEscape,
  },
  {
    id: 'terminal: escape sequences in table output of a result',
    reply: (_request, response) => odataError(response, 404, `gone ${ESC}[31mred`),
    args: (base) => [...APP, '--application-id', 'a', '--credentials', 'BaseAddress=x', '-o', 'table', '--base-url', base],
    exit: 3,
    stderr: /^error: 404 BadRequest: gone (31m)?red/,
    check: hasNoEscape,
  },
];

describe('bad-input catalog: mgkit', () => {
  it.each(cliRows.map((row) => [row.id, row] as const))('%s', async (_id, row) => {
    const other = await serve('127.0.0.2', (_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const main = await serve('127.0.0.1', (request, response) => {
      if (row.reply) row.reply(request, response, other.origin);
      else {
        response.writeHead(204);
        response.end();
      }
    });
    try {
      const result = await runMgkit(row.args(`${main.origin}/v1.0`), row.input === undefined ? {} : { input: row.input });
      expect(result.stderr.trimEnd()).toMatch(row.stderr);
      expect(result.code).toBe(row.exit);
      expect(other.requests).toHaveLength(row.otherRequests ?? 0);
      const printed = `${result.stdout}\n${result.stderr}`;
      for (const secret of CLI_SECRETS) expect(printed).not.toContain(secret);
      await row.check?.(result, main.requests);
    } finally {
      await main.close();
      await other.close();
    }
  });
});
