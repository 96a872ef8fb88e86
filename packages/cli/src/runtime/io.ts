/**
 * The process edges one `mgkit` run touches — stdin, stdout, stderr, the environment, the
 * platform — and the state that lives for one run (stdin is read once). `main(argv, io)` runs
 * with a given set, so tests drive the whole CLI in-process, the way gh's command factories
 * inject IO; the binary runs with the process's own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface OutputStream {
  /** Text; bytes only for a binary response written to stdout. */
  write(text: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  /** A terminal's width in characters. */
  readonly columns?: number;
}

export type InputStream = NodeJS.ReadableStream & {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
};

export interface CliIo {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
}

/** What one run remembers: which option read stdin and what it read; what to redact. */
export interface RunState {
  stdinReader?: string;
  stdinText?: string;
  /** The same, as bytes: a binary request body (`--in-file -`). */
  stdinBytes?: Buffer;
  /** Secret values in every form they may be printed in (redact.ts). */
  readonly secrets: Set<string>;
  /** Lower-cased names of headers given with --header, masked in traces (redact.ts). */
  readonly maskedHeaders: Set<string>;
}

const freshState = (): RunState => ({ secrets: new Set(), maskedHeaders: new Set() });

interface RunContext {
  readonly io: CliIo;
  readonly state: RunState;
}

export const processIo: CliIo = {
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  get env() {
    return process.env;
  },
  get platform() {
    return process.platform;
  },
};

const storage = new AsyncLocalStorage<RunContext>();
let processRun: RunContext | undefined;

function current(): RunContext {
  const context = storage.getStore();
  if (context) return context;
  processRun ??= { io: processIo, state: freshState() };
  return processRun;
}

/** The IO of the run in progress (the process's own outside `withIo`). */
export function io(): CliIo {
  return current().io;
}

export function runState(): RunState {
  return current().state;
}

/** Whether this run talks to the real process (Ctrl+C handlers and fd reads belong to it alone). */
export function isProcessIo(): boolean {
  return current().io === processIo;
}

/** Runs `body` with `given` as its IO and fresh run state. */
export function withIo<T>(given: CliIo, body: () => Promise<T>): Promise<T> {
  return storage.run({ io: given, state: freshState() }, body);
}
