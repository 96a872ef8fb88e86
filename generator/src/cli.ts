import { Command, Option } from 'commander';
import { DEFAULT_CONFIG_FILE } from './config/index.js';
import { generateCommand } from './commands/generate.js';
import { generatorVersion } from './commands/generator-version.js';
import { inspectCommand } from './commands/inspect.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `mgkit-gen` entry: parse argv, run one command, return its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('mgkit-gen')
    .description('Generate a Kiota TypeScript client, a CLI and a docs site for Microsoft Graph operations.')
    .version(generatorVersion(), '-v, --version')
    .showHelpAfterError()
    .exitOverride();
  const configOption = () => new Option('-c, --config <file>', 'generation config').default(DEFAULT_CONFIG_FILE);

  program
    .command('generate')
    .description('read specs/, build the model, write every target and specs/mgkit-lock.json')
    .addOption(configOption())
    .option('--check', 'write nothing; exit 1 and list the files that would change (for CI)')
    .option('--force', 'regenerate even when the lock says nothing changed, and overwrite hand-edited outputs')
    .option('-u, --unit <name>', 'only this generation unit (repeatable)', collect)
    .option('-q, --quiet', 'print errors only')
    .action(async (options: { config: string; check?: boolean; force?: boolean; unit?: string[]; quiet?: boolean }) => {
      exitCode = await generateCommand(options);
    });

  program
    .command('inspect')
    .description('print the model (or one command, operation or type of it) as JSON')
    .addOption(configOption())
    .option('-u, --unit <name>', 'generation unit')
    .option('--command <name>', 'one cmdlet, e.g. Get-MgApplicationSynchronizationAccessToken')
    .option('--operation <key>', 'one operation, e.g. applications.synchronization.acquireAccessToken.post')
    .option('--type <name>', 'one type, e.g. SynchronizationSecret')
    .action(async (options: { config: string; unit?: string; command?: string; operation?: string; type?: string }) => {
      exitCode = await inspectCommand(options);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    if (typeof code === 'number') return code === 0 ? 0 : 2;
    throw error;
  }
  return exitCode;
}
