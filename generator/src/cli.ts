import { Command, Option } from 'commander';
import { DEFAULT_CONFIG_FILE } from './config/index.js';
import { generatorPackageVersion } from './commands/generator-version.js';
import { DiagnosticError } from './diagnostics/index.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * `mgkit-gen` entry: parse argv, run one command, return its exit code. Commands load on use:
 * `generate` with nothing to do must not pay for the markdown parser or the emitters.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('mgkit-gen')
    .description('Generate a Kiota TypeScript client, a CLI and a docs site for Microsoft Graph operations.')
    .version(generatorPackageVersion(), '-v, --version')
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nExit codes: 0 done; 1 errors in the inputs, generate --check drift, hand edits in the way, or\n' +
        'diff --fail-on-breaking with breaking changes; 2 usage errors (unknown option, bad argument,\n' +
        'a diff side that is neither a file nor a git ref); 70 an internal error (please report it).',
    )
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
      const { generateCommand } = await import('./commands/generate.js');
      exitCode = await generateCommand(options);
    });

  program
    .command('site')
    .description("build every unit's generated docs into one static HTML site: a page per markdown page, a sidebar and search index per module, links checked")
    .addOption(configOption())
    .requiredOption('-o, --out <dir>', 'folder to write the site to')
    .option('-u, --unit <name>', 'only this generation unit (repeatable)', collect)
    .option('--title <text>', 'site title', 'Microsoft Graph reference')
    .option('--force', 'rebuild modules whose pages did not change')
    .action(async (options: { config: string; out: string; unit?: string[]; title?: string; force?: boolean }) => {
      const { siteCommand } = await import('./commands/site.js');
      exitCode = await siteCommand(options);
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
      const { inspectCommand } = await import('./commands/inspect.js');
      exitCode = await inspectCommand(options);
    });

  program
    .command('diff')
    .description('report API changes between two descriptions (files or git refs of specs/) in what the unit generates (its include/exclude paths), marking the breaking ones')
    .argument('<old>', 'description file or git ref (e.g. HEAD~1, main)')
    .argument('[new]', 'description file or git ref; default: the working tree')
    .addOption(configOption())
    .option('-u, --unit <name>', 'generation unit whose description is meant by a git ref')
    .option('--json', 'JSON instead of markdown')
    .option('--output <file>', 'write the report to a file')
    .option('--fail-on-breaking', 'exit 1 when any change is breaking')
    // a switch plus its own folder option: an optional value would swallow a ref after it
    .option('--changeset', 'write a changeset for the generated packages')
    .option('--changeset-dir <folder>', 'where --changeset writes', '.changeset')
    .action(
      async (
        oldSide: string,
        newSide: string | undefined,
        options: { config: string; unit?: string; json?: boolean; output?: string; failOnBreaking?: boolean; changeset?: boolean; changesetDir: string },
      ) => {
        const changeset = options.changeset ? options.changesetDir : undefined;
        const { changeset: _flag, changesetDir: _dir, ...rest } = options;
        const { diffCommand } = await import('./commands/diff.js');
        exitCode = await diffCommand(oldSide, newSide, { ...rest, ...(changeset !== undefined && { changeset }) });
      },
    );

  program
    .command('slice')
    .description('cut a description down to the matching paths and every component they reach')
    .requiredOption('--from <file|url>', 'the full description (a file, or an http(s) URL to download)')
    .option('--include <glob>', 'path glob, with an optional method: "/applications/**#POST" (repeatable)', collect, [])
    .option('--exclude <glob>', 'path glob to leave out (repeatable)', collect, [])
    .option('-o, --output <file>', 'where to write the slice (.yaml or .json); default stdout')
    .action(async (options: { from: string; include: string[]; exclude: string[]; output?: string }) => {
      const { sliceCommand } = await import('./commands/slice.js');
      exitCode = await sliceCommand(options);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    if (typeof code === 'number') return code === 0 ? 0 : 2;
    if (error instanceof DiagnosticError) {
      // a stage that cannot go on (an unreadable lock file): its one-line diagnostics, exit 1
      const { printDiagnostics } = await import('./commands/report.js');
      printDiagnostics(error.diagnostics);
      // a failure while files were being put in place says itself how far it got
      if (!error.reportsWrites) process.stderr.write('mgkit-gen: nothing was written.\n');
      return 1;
    }
    throw error;
  }
  return exitCode;
}
