/** Collects every CLI output of the whole suite and scans it for planted secrets at the end. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'mgkit-cli-capture-'));
  process.env['MGKIT_TEST_CAPTURE_DIR'] = dir;
  return () => {
    const names = readdirSync(dir);
    const files = names.filter((name) => name.endsWith('.log'));
    const text = files.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
    // the fixed secrets, and whatever each worker planted (test/helpers.ts writes *.secrets.json)
    const planted = new Set(['PlantedTokenSignature0a1b2c3d', 'Pl4nted-Credential-Value-5e9d', 'Pl4nted-Second-Secret-c0ffee', 'Pl4nted-Client-Secret-77aa', 'fake-idp-access-', 'fake-idp-refresh-']);
    for (const name of names.filter((entry) => entry.endsWith('.secrets.json'))) {
      for (const secret of JSON.parse(readFileSync(join(dir, name), 'utf8')) as string[]) planted.add(secret);
    }
    rmSync(dir, { recursive: true, force: true });
    const leaks = [...planted].filter((secret) => text.includes(secret));
    if (leaks.length > 0) {
      // a teardown error alone does not fail the run: say it and set the exit code
      process.stderr.write(`secret scan FAILED: ${leaks.join(', ')} appeared in CLI output across the suite\n`);
      process.exitCode = 1;
      throw new Error(`secret leak: ${leaks.join(', ')} appeared in CLI output across the suite`);
    }
    if (files.length === 0 || text.length === 0) {
      process.exitCode = 1;
      throw new Error('secret scan: no CLI output was captured (is MGKIT_TEST_CAPTURE_DIR reaching the workers?)');
    }
    process.stdout.write(`secret scan: ${text.length} characters of CLI output from ${files.length} worker file(s), none of ${planted.size} planted secrets found\n`);
  };
}
