/**
 * Settings every workspace's vitest config shares. The JSON report is what `npm test`
 * (scripts/test-all.mjs) sums into one line per workspace and a total.
 */
export const RESULTS_FILE = '.vitest/results.json';

export const reporters: ('default' | ['json', { outputFile: string }])[] = ['default', ['json', { outputFile: RESULTS_FILE }]];
