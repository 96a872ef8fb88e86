/**
 * How far V8 lets the heap grow past what the last full collection kept. By default it lets it
 * grow up to about four times while a run allocates fast, and a one-module run's peak was mostly
 * garbage not yet collected: Files (the largest module) peaked at 470 MB with under 100 MB live.
 * Capped at 30% growth it peaks at 280 MB for about 8% more time. The cap is for large inputs run
 * in one thread only: on small ones its extra collections cost a quarter of the time (a 200 KB
 * module), and runs on worker threads are for speed (there it cost 10% of the time).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

const FLAG = '--heap-growing-percent';

/**
 * Caps the heap's growth (V8 reads the flag at each collection) until the returned function puts
 * V8's default back. A flag the user passed to node wins: then nothing changes.
 */
export function capHeapGrowth(): () => void {
  if (process.execArgv.some((argument) => argument.startsWith(FLAG))) return () => {};
  setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
  // 0 is V8's default: growth chosen by the collector's speed
  return () => setFlagsFromString(`${FLAG}=0`);
}
