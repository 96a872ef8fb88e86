/**
 * How far V8 lets the heap grow past what the last full collection kept. By default it lets it
 * grow up to about four times while a run allocates fast, and a one-module run's peak was mostly
 * garbage not yet collected: Files (the largest module) peaked at 470 MB with under 100 MB live.
 * Capped at 30% growth it peaks at 280 MB for about 8% more time. Runs on worker threads (many
 * units in one process, for speed) keep V8's default: there the cap cost 10% of the time.
 *
 * `mgkit-gen`'s launcher (bin/mgkit-gen.js) caps it; V8 reads the flag at each collection.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

const FLAG = '--heap-growing-percent';

/** Whoever started node chose the heap's growth themselves. */
const chosenByUser = () => process.execArgv.some((argument) => argument.startsWith(FLAG));

let capped = false;

export function capHeapGrowth(): void {
  if (chosenByUser()) return;
  setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
  capped = true;
}

/** V8's own growth again (0 is its default: growth chosen by the collector's speed). */
export function uncapHeapGrowth(): void {
  if (!capped) return;
  setFlagsFromString(`${FLAG}=0`);
  capped = false;
}
