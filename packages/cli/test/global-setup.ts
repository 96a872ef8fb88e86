/** Collects every CLI output of the whole suite and scans it for planted secrets at the end. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'mgkit-cli-capture-'));
  process.env['MGKIT_TEST_CAPTURE_DIR'] = dir;
  return () => {
    const files = readdirSync(dir);
    const text = files.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
    rmSync(dir, { recursive: true, force: true });
    const planted = ['PlantedTokenSignature0a1b2c3d', 'Pl4nted-Credential-Value-5e9d', 'Pl4nted-Second-Secret-c0ffee', 'Pl4nted-Client-Secret-77aa', 'fake-idp-access-', 'fake-idp-refresh-'];
    const leaks = planted.filter((secret) => text.includes(secret));
    if (leaks.length > 0) {
      // a teardown error alone does not fail the run: say it and set the exit code
      process.stderr.write(`secret scan FAILED: ${leaks.join(', ')} appeared in CLI output across the suite\n`);
      process.exitCode = 1;
      throw new Error(`secret leak: ${leaks.join(', ')} appeared in CLI output across the suite`);
    }
    process.stdout.write(`secret scan: ${text.length} characters of CLI output from ${files.length} worker file(s), no planted secret found\n`);
  };
}
