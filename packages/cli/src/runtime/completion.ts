/**
 * Shell completion: `mgkit completion bash|zsh|fish|powershell` prints a script that asks
 * `mgkit __complete <words…>` for candidates (commands, cmdlet names, options of the command).
 */
import { COMMANDS, CLI_NAME } from '../generated/command-index.js';
import { CLOUD_NAMES } from './clouds.js';
import { pathWord } from './command-index.js';
import type { CommandIndexEntry } from './definition.js';
import { ExitCode, UsageError } from './errors.js';
import { GLOBAL_OPTIONS } from './globals.js';
import { OUTPUT_FORMATS } from './output.js';
import { pairKeyNames } from './help.js';
import { io } from './io.js';
import { safeLine } from './terminal.js';

const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
const BUILTINS = ['login', 'logout', 'status', 'completion'];

function script(shell: (typeof SHELLS)[number], bin: string): string {
  switch (shell) {
    case 'bash':
      return `# ${bin} completion for bash: eval "$(${bin} completion bash)"
_${bin}_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(${bin} __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
  # Key= (a --credentials key): no space, the value follows
  [[ \${#COMPREPLY[@]} -eq 1 && \${COMPREPLY[0]} == *= ]] && compopt -o nospace
}
complete -o default -F _${bin}_complete ${bin}
`;
    case 'zsh':
      return `#compdef ${bin}
# ${bin} completion for zsh: eval "$(${bin} completion zsh)"
_${bin}() {
  local -a candidates
  candidates=("\${(@f)$(${bin} __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  # Key= (a --credentials key): no space, the value follows
  if [[ \${#candidates} -eq 1 && \${candidates[1]} == *= ]]; then compadd -S '' -a candidates; else compadd -a candidates; fi
}
compdef _${bin} ${bin}
`;
    case 'fish':
      return `# ${bin} completion for fish: ${bin} completion fish | source
complete -c ${bin} -f -a '(${bin} __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`;
    case 'powershell':
      return `# ${bin} completion for PowerShell: ${bin} completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName ${bin} -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = $commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() }
  if ($wordToComplete -eq '') { $words += '' }
  & ${bin} __complete @words 2>$null | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
  }
}

/** Candidates for the value of a global option, or undefined when `option` is not one that takes a value. */
function globalValues(option: string): readonly string[] | undefined {
  if (option === '-o' || option === '--output') return OUTPUT_FORMATS;
  if (option === '--cloud') return CLOUD_NAMES;
  const global = GLOBAL_OPTIONS.find((candidate) => `--${candidate.name}` === option);
  return global?.type === 'string' ? [] : undefined;
}

/** Candidates for the last word, given the words before it. */
export async function complete(words: readonly string[]): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const previous = words.at(-2) ?? '';
  const matching = (candidates: readonly string[]): string[] => candidates.filter((candidate) => candidate.toLowerCase().startsWith(current.toLowerCase())).sort();
  const forGlobal = globalValues(previous);
  // a value-taking option's value: its names when known, else nothing (the shell completes files)
  if (forGlobal) return matching(forGlobal);
  const before = words.slice(0, -1).filter((word) => !word.startsWith('-'));
  // compared field by field: thousands of commands, none split into its path or lower-cased alias
  const cmdlet = (before[0] ?? '').toLowerCase();
  const isTheCommand = (candidate: CommandIndexEntry): boolean => {
    for (let depth = 0; ; depth += 1) {
      const word = pathWord(candidate, depth);
      if (word === undefined) return depth > 0;
      if (before[depth] !== word) return false;
    }
  };
  const entry = COMMANDS.find((candidate) => candidate.cmdlet?.length === cmdlet.length && candidate.aliases.includes(cmdlet)) ?? COMMANDS.find(isTheCommand);
  let candidates: string[];
  if (entry) {
    const module = await entry.load();
    const valueOf = module.definition.options.find((option) => option.kind !== 'switch' && [option.name, ...option.aliases].some((name) => `--${name}` === previous));
    if (valueOf) return matching(pairKeyNames(valueOf, module.definition.$defs).map((name) => `${name}=`));
    const options = module.definition.options.flatMap((option) => [option.name, ...option.aliases]);
    candidates = [...options, ...GLOBAL_OPTIONS.map((option) => option.name)].map((name) => `--${name}`);
  } else if (current.startsWith('-')) {
    candidates = GLOBAL_OPTIONS.map((option) => `--${option.name}`);
  } else {
    const next = new Set<string>();
    for (const command of COMMANDS) {
      const word = before.every((prefix, index) => pathWord(command, index) === prefix) ? pathWord(command, before.length) : undefined;
      if (word) next.add(word);
    }
    if (before.length === 0) {
      BUILTINS.forEach((name) => next.add(name));
      COMMANDS.forEach((command) => command.cmdlet && next.add(command.cmdlet));
    }
    if (before[0] === 'completion' && before.length === 1) SHELLS.forEach((shell) => next.add(shell));
    candidates = [...next];
  }
  return matching(candidates);
}

export async function runCompletion(name: 'completion' | '__complete', argv: readonly string[]): Promise<number> {
  if (name === '__complete') {
    const candidates = await complete(argv);
    if (candidates.length > 0) io().stdout.write(`${candidates.map(safeLine).join('\n')}\n`);
    return ExitCode.ok;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    io().stdout.write(
      [
        `Usage: ${CLI_NAME} completion <${SHELLS.join('|')}>`,
        '',
        'Prints the shell completion script: commands, options, credential keys, output formats and clouds.',
        '',
        `  bash        eval "$(${CLI_NAME} completion bash)"            (add it to ~/.bashrc)`,
        `  zsh         eval "$(${CLI_NAME} completion zsh)"             (add it to ~/.zshrc)`,
        `  fish        ${CLI_NAME} completion fish | source             (or save it to ~/.config/fish/completions/${CLI_NAME}.fish)`,
        `  powershell  ${CLI_NAME} completion powershell | Out-String | Invoke-Expression   (add it to $PROFILE)`,
        '',
      ].join('\n'),
    );
    return ExitCode.ok;
  }
  const shell = argv.find((word) => !word.startsWith('-'));
  if (!shell || !(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`completion: name a shell: ${SHELLS.join(', ')} (e.g. eval "$(${CLI_NAME} completion bash)")`);
  }
  io().stdout.write(script(shell as (typeof SHELLS)[number], CLI_NAME));
  return ExitCode.ok;
}
