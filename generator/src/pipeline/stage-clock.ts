/**
 * Time and memory per stage of a run (read, model, each target, write), per unit: the closing
 * summary of `generate`, and its progress lines on a terminal.
 */
export interface StageRecord {
  readonly stage: string;
  readonly unit: string;
  readonly milliseconds: number;
  /** Resident set size when the stage ended. */
  readonly rssBytes: number;
}

export interface StageTotal {
  readonly stage: string;
  readonly milliseconds: number;
  readonly peakRssBytes: number;
}

export class StageClock {
  readonly records: StageRecord[] = [];
  readonly #onRecord: ((record: StageRecord) => void) | undefined;

  constructor(onRecord?: (record: StageRecord) => void) {
    this.#onRecord = onRecord;
  }

  async time<T>(stage: string, unit: string, run: () => T | Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await run();
    this.add({ stage, unit, milliseconds: performance.now() - start, rssBytes: process.memoryUsage.rss() });
    return result;
  }

  /** A stage timed elsewhere (a worker thread). */
  add(record: StageRecord): void {
    this.records.push(record);
    this.#onRecord?.(record);
  }

  /** Per stage, in the order stages first ran: total time and the highest memory seen at its end. */
  totals(): StageTotal[] {
    const totals = new Map<string, { milliseconds: number; peakRssBytes: number }>();
    for (const record of this.records) {
      const total = totals.get(record.stage) ?? { milliseconds: 0, peakRssBytes: 0 };
      totals.set(record.stage, { milliseconds: total.milliseconds + record.milliseconds, peakRssBytes: Math.max(total.peakRssBytes, record.rssBytes) });
    }
    return [...totals.entries()].map(([stage, total]) => ({ stage, ...total }));
  }
}
