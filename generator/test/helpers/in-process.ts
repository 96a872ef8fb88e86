/**
 * `mgkit-gen` run in the test's own process: the built entry's `main`, with the working folder,
 * environment and standard streams of a real run, one run at a time. Everything the generator
 * keeps between runs is keyed by absolute paths or by the model of one run, so a run here sees
 * what a fresh process would.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './paths.js';

export interface InProcessResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

type Main = (argv: readonly string[]) => Promise<number>;
let loadedMain: Promise<Main> | undefined;
const generatorMain = (): Promise<Main> => (loadedMain ??= import(pathToFileURL(path.join(projectRoot, 'generator/dist/cli.js')).href).then((module: { main: Main }) => module.main));

/** Runs wait for each other: the working folder and the streams belong to the whole process. */
let previousRun: Promise<unknown> = Promise.resolve();

export function runGeneratorInProcess(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>): Promise<InProcessResult> {
  const run = previousRun.then(() => runAlone(args, cwd, env));
  previousRun = run.catch(() => undefined);
  return run;
}

type Write = typeof process.stdout.write;

/** A stream's `write` that appends to `sink` instead (and calls back as a stream would). */
function capture(sink: { text: string }): Write {
  return ((chunk: string | Uint8Array, encodingOrCallback?: unknown, callback?: unknown) => {
    sink.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as Write;
}

async function runAlone(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>): Promise<InProcessResult> {
  const main = await generatorMain();
  const stdout = { text: '' };
  const stderr = { text: '' };
  const saved = { cwd: process.cwd(), stdout: process.stdout.write, stderr: process.stderr.write, env: new Map<string, string | undefined>() };
  for (const [name, value] of Object.entries(env)) {
    saved.env.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  process.chdir(cwd);
  process.stdout.write = capture(stdout);
  process.stderr.write = capture(stderr);
  let status: number;
  try {
    status = await main(args);
  } catch (error) {
    // what bin/mgkit-gen.js does with an error main did not expect
    stderr.text += `mgkit-gen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
    status = 70;
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    process.chdir(saved.cwd);
    for (const [name, value] of saved.env) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return { status, stdout: stdout.text, stderr: stderr.text };
}
