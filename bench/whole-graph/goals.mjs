// The goals table the whole-Graph benches end their RESULTS files with.

/**
 * `goals`: `[label, measured value, limit, format]`. A goal is met when the value is within the
 * limit. A value above the limit but within the noise band (a fraction) is not met, and says so;
 * only a value beyond the band counts as missed, which fails the bench (exit 1).
 * Returns the table's lines and how many goals are missed.
 */
export function goalsTable(goals, noise) {
  const lines = ['## Goals', '', '| goal | measured | limit | met |', '|---|---|---|---|'];
  let missed = 0;
  for (const [label, value, limit, format] of goals) {
    const withinNoise = value <= limit * (1 + noise);
    if (!withinNoise) missed += 1;
    const verdict = value <= limit ? 'yes' : withinNoise ? `**no** (within the ±${Math.round(noise * 100)}% noise band)` : '**no**';
    lines.push(`| ${label} | ${format(value)} | ≤ ${format(limit)} | ${verdict} |`);
  }
  return { lines, missed };
}
