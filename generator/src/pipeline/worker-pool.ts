/**
 * A small pool of worker threads: each takes the next task when done with one; results come back
 * in the tasks' order. A worker script answers each task with `{ kind: 'done', result }` or
 * `{ kind: 'crashed', message }`; anything else it posts goes to `onMessage` (progress).
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type WorkerReply<R> = { readonly kind: 'done'; readonly result: R } | { readonly kind: 'crashed'; readonly message: string };

export interface WorkerPoolOptions {
  readonly size: number;
  readonly resourceLimits?: ResourceLimits;
  /** Messages other than a reply, e.g. progress records. */
  readonly onMessage?: (message: unknown) => void;
  /** Names a task in errors. */
  readonly describe?: (task: unknown) => string;
}

/** Every pool's workers that are running now, for `terminateAllWorkers`. */
const liveWorkers = new Set<Worker>();

/** Stops every worker of every pool (an interrupted run), so that none writes anything after. */
export async function terminateAllWorkers(): Promise<void> {
  await Promise.all([...liveWorkers].map((worker) => worker.terminate()));
}

export async function runOnWorkers<T, R>(file: URL, tasks: readonly T[], options: WorkerPoolOptions): Promise<R[]> {
  const results = new Map<number, R>();
  const workers: Worker[] = [];
  let next = 0;
  let failed = false;
  const lane = async () => {
    const worker = new Worker(file, options.resourceLimits ? { resourceLimits: options.resourceLimits } : {});
    workers.push(worker);
    liveWorkers.add(worker);
    // an error between tasks must not become an unhandled 'error' event: the next task reports it
    worker.on('error', () => {});
    let exited = false;
    worker.once('exit', () => (exited = true));
    try {
      while (next < tasks.length && !failed) {
        if (exited) throw new Error('a worker thread exited between tasks');
        const index = next++;
        results.set(index, await runTask<T, R>(worker, tasks[index] as T, options));
      }
    } catch (error) {
      failed = true;
      // the run has failed: the other lanes' units are not waited for
      await Promise.all(workers.map((other) => other.terminate()));
      throw error;
    } finally {
      await worker.terminate();
      liveWorkers.delete(worker);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.size, tasks.length)) }, lane));
  return tasks.map((_, index) => results.get(index) as R);
}

function runTask<T, R>(worker: Worker, task: T, options: WorkerPoolOptions): Promise<R> {
  return new Promise((resolve, reject) => {
    const settle = () => worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    const onMessage = (message: unknown) => {
      const reply = message as Partial<WorkerReply<R>>;
      if (reply.kind !== 'done' && reply.kind !== 'crashed') return options.onMessage?.(message);
      settle();
      if (reply.kind === 'crashed') reject(new Error(`${options.describe?.(task) ?? 'task'}: ${(reply as { message: string }).message}`));
      else resolve((reply as { result: R }).result);
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    // a worker that exits (terminated, process.exit) before replying fails its task instead of hanging
    const onExit = (code: number) => {
      settle();
      reject(new Error(`${options.describe?.(task) ?? 'task'}: the worker thread exited (code ${code}) before it finished`));
    };
    worker.on('message', onMessage).once('error', onError).once('exit', onExit);
    worker.postMessage(task);
  });
}

/** The worker side: answers each task posted to this thread with `handle`'s result. */
export function serveTasks<T, R>(port: import('node:worker_threads').MessagePort, handle: (task: T) => Promise<R>): void {
  port.on('message', (task: T) => {
    handle(task).then(
      (result) => port.postMessage({ kind: 'done', result } satisfies WorkerReply<R>),
      (error: unknown) => port.postMessage({ kind: 'crashed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply<R>),
    );
  });
}
