import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { writeAtomically } from '../output/index.js';
import { sliceDescription } from '../slice/index.js';
import { displayPath } from './report.js';

export interface SliceCommandOptions {
  readonly from: string;
  readonly include: readonly string[];
  readonly exclude?: readonly string[];
  readonly output?: string;
}

/** Read a description from a file or an http(s) URL. */
async function readSource(from: string): Promise<string> {
  if (/^https?:\/\//i.test(from)) {
    const response = await fetch(from, { redirect: 'follow' });
    if (!response.ok) throw new Error(`${from} answered ${response.status} ${response.statusText}`);
    return response.text();
  }
  return readFile(from, 'utf8');
}

/** `mgkit-gen slice`: exit 0 written, 1 source unreadable or nothing matched, 2 usage. */
export async function sliceCommand(options: SliceCommandOptions): Promise<number> {
  if (options.include.length === 0) {
    process.stderr.write('mgkit-gen slice: give at least one --include <glob> (e.g. "/applications/*/synchronization/**#POST")\n');
    return 2;
  }
  let text: string;
  try {
    text = await readSource(options.from);
  } catch (error) {
    process.stderr.write(`${options.from}: error slice/unreadable: ${(error as Error).message} (fix: check the path or URL)\n`);
    return 1;
  }
  let result;
  try {
    result = sliceDescription(text, { include: options.include, exclude: options.exclude ?? [] });
  } catch (error) {
    process.stderr.write(`${options.from}: error slice/parse-error: ${(error as Error).message.split('\n')[0]} (fix: pass a YAML or JSON OpenAPI description)\n`);
    return 1;
  }
  if (result.operations === 0) {
    process.stderr.write(`${options.from}: error slice/no-match: no operation matches ${options.include.join(', ')} (fix: check the globs against the description's paths)\n`);
    return 1;
  }
  const output = options.output ? (path.extname(options.output) === '.json' ? `${JSON.stringify(parse(result.text, { maxAliasCount: -1 }), null, 2)}\n` : result.text) : result.text;
  if (options.output) {
    await writeAtomically(path.resolve(options.output), output);
    process.stderr.write(`Sliced ${result.operations} operation(s) on ${result.paths} path(s) and ${result.components.length} component(s) into ${displayPath(path.resolve(options.output))}.\n`);
  } else {
    process.stdout.write(output);
  }
  for (const ref of result.externalRefs) process.stderr.write(`warning slice/external-ref: kept '${ref}' as is; slice the file it names too\n`);
  return 0;
}
