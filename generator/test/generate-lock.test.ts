import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withOwnStatCache } from './helpers/stat-cache.js';
import { makeGeneratedProject, runGenerator, snapshotTree } from './helpers/project.js';

let project: Awaited<ReturnType<typeof makeGeneratedProject>>;
const generate = (...args: string[]) => runGenerator(['generate', '--config', project.configFile, ...args], project.root);

interface Lock {
  outputs: { path: string; sha256: string }[];
}
const readLock = async (): Promise<Lock> => {
  const lock = JSON.parse(await readFile(path.join(project.root, 'specs/mgkit-lock.json'), 'utf8')) as {
    units: Record<string, { outputs: { path: string; sha256: string }[] }>;
  };
  return { outputs: Object.values(lock.units).flatMap((unit) => unit.outputs) };
};
const absolute = (lockPath: string) => path.resolve(project.root, 'specs', lockPath);

/** What the up-to-date checks take: the project's units as generate loads them, its lock file, the lock reader and the version. */
async function lockCheckKit() {
  const { loadConfig } = await import('../src/config/index.js');
  const { readLockFile } = await import('../src/output/index.js');
  const { generatorVersion } = await import('../src/commands/generator-version.js');
  const { config } = await loadConfig(project.configFile);
  const units = config!.units;
  return { units, lockFile: units[0]!.lockFile, readLockFile, generatorVersion };
}

beforeEach(async () => {
  project = await makeGeneratedProject();
  // the copy is in step with its lock: nothing to write
  expect((await generate('--check')).status).toBe(0);
});

afterEach(async () => {
  await project.dispose();
});

describe('the update loop: check, lock skip, stale files, hand edits', () => {
  it('generates byte-identical files from the same inputs', async () => {
    const before = await snapshotTree(project.root);
    const again = await generate('--force');
    expect(again.status).toBe(0);
    expect(await snapshotTree(project.root)).toEqual(before);
  });

  it('--check fails after a description edit, generate fixes it, --check passes', async () => {
    expect((await generate('--check')).status).toBe(0);
    const description = path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');
    const text = await readFile(description, 'utf8');
    await writeFile(description, text.replace('description: The value of the secret.', 'description: The secret value, write-only.'));
    const before = await snapshotTree(project.root);
    const check = await generate('--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/out of date; \d+ file\(s\) would change/);
    expect(check.stderr).toMatch(/update/);
    expect(check.stderr).toMatch(/The secret value, write-only\./); // the short diff
    expect(await snapshotTree(project.root)).toEqual(before); // --check writes nothing
    expect((await generate()).status).toBe(0);
    expect((await generate('--check')).status).toBe(0);
  });

  it('removes outputs that are no longer produced, and only those', async () => {
    const lock = await readLock();
    const servicePrincipalFiles = lock.outputs.filter((entry) => /service-?principal/i.test(entry.path));
    expect(servicePrincipalFiles.length).toBeGreaterThan(0);
    const config = await readFile(project.configFile, 'utf8');
    await writeFile(
      project.configFile,
      config
        .replace('        - /servicePrincipals/*/synchronization/*acquireAccessToken#POST\n', '')
        .replace('        - Get-Mg*SynchronizationAccessToken\n', '        - Get-MgApplicationSynchronizationAccessToken\n'),
    );
    const handWritten = path.join(project.root, 'packages/graph-client/src/index.ts');
    await writeFile(handWritten, '// hand-written\n').catch(() => undefined);
    const result = await generate();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/[1-9]\d* removed/);
    const after = await readLock();
    for (const entry of servicePrincipalFiles) {
      if (after.outputs.some((kept) => kept.path === entry.path)) continue;
      await expect(readFile(absolute(entry.path))).rejects.toThrow();
    }
    expect(after.outputs.length).toBeLessThan(lock.outputs.length);
  });

  it('refuses to overwrite a hand-edited generated file unless --force', async () => {
    const [victim] = (await readLock()).outputs;
    expect(victim).toBeDefined();
    const file = absolute(victim!.path);
    await writeFile(file, `${await readFile(file, 'utf8')}\nmy local change\n`);
    const before = await snapshotTree(project.root);
    const refused = await generate();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/error output\/hand-edited: was edited by hand/);
    expect(refused.stderr).toContain(path.basename(file));
    expect(await snapshotTree(project.root)).toEqual(before);
    const forced = await generate('--force');
    expect(forced.status).toBe(0);
    expect(await readFile(file, 'utf8')).not.toMatch(/my local change/);
  });

  it('names hand-edited files in path order, however long each takes to read', async () => {
    const files = (await readLock()).outputs.map((output) => absolute(output.path)).sort();
    expect(files.length).toBeGreaterThan(10);
    // the first file by path read last: 20 MB more than the others
    for (const [index, file] of files.entries()) await writeFile(file, `${await readFile(file, 'utf8')}\n${index === 0 ? 'x'.repeat(20 * 2 ** 20) : 'my local change'}\n`);
    const refused = await generate();
    expect(refused.status).toBe(1);
    const named = refused.stderr
      .split('\n')
      .filter((line) => line.includes('error output/hand-edited'))
      .map((line) => path.resolve(project.root, line.slice(0, line.indexOf(': error'))));
    expect(named).toEqual(files);
  });

  it('a lock file with merge conflict markers or broken JSON is an error, and hand edits stay protected', async () => {
    const [victim] = (await readLock()).outputs;
    const file = absolute(victim!.path);
    await writeFile(file, `${await readFile(file, 'utf8')}\nmy local change\n`);
    const lockFile = path.join(project.root, 'specs/mgkit-lock.json');
    const lockText = await readFile(lockFile, 'utf8');
    const lines = lockText.split('\n');
    for (const broken of [[...lines.slice(0, 2), '<<<<<<< HEAD', ...lines.slice(2)].join('\n'), lockText.replace('"units"', '"units" ,,')]) {
      await writeFile(lockFile, broken);
      const before = await snapshotTree(project.root);
      for (const args of [[], ['--force']]) {
        const result = await generate(...args);
        expect(result.status, args.join(' ')).toBe(1);
        expect(result.stderr).toMatch(/mgkit-lock\.json:\d+:\d+: error lock\/unreadable: the lock file (holds merge conflict markers|is not valid JSON)/);
        // the marker is named at its own line
        if (broken.includes('<<<<<<<')) expect(result.stderr).toContain('mgkit-lock.json:3:1: error lock/unreadable: the lock file holds merge conflict markers');
        expect(await snapshotTree(project.root)).toEqual(before);
      }
    }
  });

  it('a file it cannot write stops the run before anything changes: one line, no temporary files left', async () => {
    const outputs = (await readLock()).outputs;
    const last = outputs.at(-1)!;
    // an input change, so that every output is rewritten; a folder where the last output goes
    const description = path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');
    await writeFile(description, (await readFile(description, 'utf8')).replace(/Acquire an OAuth access token/g, 'Acquire an OAuth 2.0 access token'));
    await rm(absolute(last.path));
    await mkdir(path.join(absolute(last.path), 'in-the-way'), { recursive: true });
    const before = await snapshotTree(project.root);
    const result = await generate();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${path.basename(last.path).replace('.', '\\.')}: error output/unwritable: cannot write the file \\(EISDIR\\); nothing was changed`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshotTree(project.root)).toEqual(before);
  });

  it('a platyPS module page in a help folder is recorded as read, so the next run is the fast no-op', async () => {
    const modulePage = [
      '---',
      'Module Name: Microsoft.Graph.Applications',
      'Module Guid: 67eba36f-7aeb-49fe-ac6b-0223fa2d01f8',
      'Locale: en-US',
      '---',
      '',
      '# Microsoft.Graph.Applications Module',
      '## Description',
      'The module.',
      '',
    ].join('\n');
    await writeFile(path.join(project.root, 'specs/cmdlets/Microsoft.Graph.Applications.md'), modulePage);
    // every cmdlet name selected, so the page's name would select one too
    await writeFile(project.configFile, (await readFile(project.configFile, 'utf8')).replace('- Get-Mg*SynchronizationAccessToken', "- '*'"));
    const first = await generate();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Generated /);
    const second = await generate();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^Up to date/);
  });

  it('a help file new in a folder, whose name the unit selects, makes the next run generate again', async () => {
    const folder = path.join(project.root, 'specs/cmdlets');
    const [existing] = (await readdir(folder)).filter((name) => /^Get-Mg\w*SynchronizationAccessToken\.md$/.test(name));
    expect(existing).toBeDefined();
    expect((await generate()).stdout).toMatch(/^Up to date/);
    const added = path.join(folder, 'Get-MgNewThingSynchronizationAccessToken.md');
    await writeFile(added, (await readFile(path.join(folder, existing!), 'utf8')).replaceAll(existing!.replace(/\.md$/, ''), 'Get-MgNewThingSynchronizationAccessToken'));
    const result = await generate();
    expect(result.stdout).not.toMatch(/^Up to date/);
  });

  it('--check names a hand-edited file as such and shows an inserted line as one line', async () => {
    const [victim] = (await readLock()).outputs;
    const file = absolute(victim!.path);
    const lines = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, [...lines.slice(0, 3), '// my local change', ...lines.slice(3)].join('\n'));
    const result = await generate('--check');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.basename(file)} (edited by hand)`);
    expect(result.stderr).toContain('      4- // my local change\n');
    // one inserted line: no other line of the file is shown as changed
    expect(result.stderr.split('\n').filter((line) => /^ {6}\d+[-+] /.test(line))).toEqual(['      4- // my local change']);
  });

  it('a hand-edited file that is no longer generated is reported as one that would be deleted', async () => {
    const lock = await readLock();
    const stale = lock.outputs.find((entry) => /service-?principal/i.test(entry.path))!;
    await writeFile(absolute(stale.path), `${await readFile(absolute(stale.path), 'utf8')}\n// mine\n`);
    const config = await readFile(project.configFile, 'utf8');
    await writeFile(
      project.configFile,
      config
        .replace('        - /servicePrincipals/*/synchronization/*acquireAccessToken#POST\n', '')
        .replace('        - Get-Mg*SynchronizationAccessToken\n', '        - Get-MgApplicationSynchronizationAccessToken\n'),
    );
    const result = await generate();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.basename(stale.path)}: error output/hand-edited: was edited by hand since it was generated and is no longer generated and would be deleted`);
    expect(await readFile(absolute(stale.path), 'utf8')).toContain('// mine');
  });

  it('a no-op reads no file whose stats are as the last run left them, and still sees an edit', async () => {
    await withOwnStatCache(async () => {
      const { units, lockFile, readLockFile, generatorVersion } = await lockCheckKit();
      const { isUpToDate } = await import('../src/commands/up-to-date.js');
      const { statCacheFilesRead } = await import('../src/output/stat-cache.js');
      const check = async () => isUpToDate((await readLockFile(lockFile))!, lockFile, project.configFile, units, generatorVersion());
      const files = (await readLock()).outputs.length;
      let before = statCacheFilesRead();
      expect(await check()).toBe(true);
      // a cold cache reads every input and output once
      expect(statCacheFilesRead() - before).toBeGreaterThan(files);
      before = statCacheFilesRead();
      expect(await check()).toBe(true);
      expect(statCacheFilesRead() - before).toBe(0);
      const output = absolute((await readLock()).outputs[0]!.path);
      await writeFile(output, `${await readFile(output, 'utf8')}// edited\n`);
      expect(await check()).toBe(false);
    });
  });

  it('a no-op after one that found the lock up to date does not read the lock, and still sees every kind of change', async () => {
    await withOwnStatCache(async () => {
      const { units, lockFile, readLockFile, generatorVersion } = await lockCheckKit();
      const { lockIsUpToDate } = await import('../src/commands/up-to-date.js');
      const helpFolder = units[0]!.cmdlets[0]!;
      let lockReads = 0;
      const check = (version = generatorVersion()) =>
        lockIsUpToDate(lockFile, project.configFile, units, version, () => {
          lockReads += 1;
          return readLockFile(lockFile);
        });
      /** Sets a file's mtime a minute back, out of the window in which a stat cannot tell two changes apart. */
      const age = async (file: string) => {
        const { utimes } = await import('node:fs/promises');
        const past = new Date(Date.now() - 60_000);
        await utimes(file, past, past);
      };
      for (const file of [lockFile, project.configFile, helpFolder]) await age(file);
      // what does not read the lock, and what does
      const reads = async (version?: string) => {
        const before = lockReads;
        const upToDate = await check(version);
        return { upToDate, lockRead: lockReads > before };
      };
      expect(await reads()).toEqual({ upToDate: true, lockRead: true });
      expect(await reads()).toEqual({ upToDate: true, lockRead: false });
      expect(await reads()).toEqual({ upToDate: true, lockRead: false });
      // another generator: the lock is read, and it says the generator differs; this one's mark stays
      expect(await reads('0.0.0-other')).toEqual({ upToDate: false, lockRead: true });

      // an output edited
      expect(await reads()).toEqual({ upToDate: true, lockRead: false });
      const output = absolute((await readLock()).outputs[0]!.path);
      const generated = await readFile(output, 'utf8');
      await writeFile(output, `${generated}// edited\n`);
      expect(await reads()).toEqual({ upToDate: false, lockRead: true });
      await writeFile(output, generated);
      await age(output);
      expect((await reads()).upToDate).toBe(true);

      // a help file the unit selects, new in its folder
      expect(await reads()).toEqual({ upToDate: true, lockRead: false });
      const copied = path.join(helpFolder, 'Get-MgServicePrincipalSynchronizationAccessToken.md');
      const added = path.join(helpFolder, 'Get-MgDeviceSynchronizationAccessToken.md');
      await writeFile(added, await readFile(copied, 'utf8'));
      expect(await reads()).toEqual({ upToDate: false, lockRead: true });
      await rm(added);
      await age(helpFolder);
      expect((await reads()).upToDate).toBe(true);

      // the config edited (a comment: the lock records its hash)
      expect(await reads()).toEqual({ upToDate: true, lockRead: false });
      const configText = await readFile(project.configFile, 'utf8');
      await writeFile(project.configFile, `${configText}# edited\n`);
      expect(await reads()).toEqual({ upToDate: false, lockRead: true });
      await writeFile(project.configFile, configText);
      await age(project.configFile);
      expect((await reads()).upToDate).toBe(true);

      // the lock itself rewritten: read again, never vouched for by its old stats
      expect(await reads()).toEqual({ upToDate: true, lockRead: false });
      const lockText = await readFile(lockFile, 'utf8');
      await writeFile(lockFile, lockText.replace(/"sha256": "[0-9a-f]{64}"/, `"sha256": "${'0'.repeat(64)}"`));
      expect(await reads()).toEqual({ upToDate: false, lockRead: true });
      await writeFile(lockFile, lockText);

      // a lock changed a moment ago is not vouched for: its stats could match a later change
      expect(await reads()).toEqual({ upToDate: true, lockRead: true });
      expect(await reads()).toEqual({ upToDate: true, lockRead: true });
      await age(lockFile);
      expect(await reads()).toEqual({ upToDate: true, lockRead: true });
      expect(await reads()).toEqual({ upToDate: true, lockRead: false });
    });
  });

  it('says so and writes nothing when nothing changed', async () => {
    const result = await generate();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Up to date/);
  });
});
