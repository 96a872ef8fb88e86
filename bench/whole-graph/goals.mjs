// The goals table the whole-Graph benches end their RESULTS files with.

/**
 * `goals`: `[label, measured value, limit, format]`. A goal is met when the value is within the
 * limit plus the noise band (a fraction). Returns the table's lines and how many goals are missed.
 */
export function goalsTable(goals, noise) {
  const lines = ['## Goals', '', '| goal | measured | limit | met |', '|---|---|---|---|'];
  let missed = 0;
  for (const [label, value, limit, format] of goals) {
    const met = value <= limit * (1 + noise);
    if (!met) missed += 1;
    lines.push(`| ${label} | ${format(value)} | ≤ ${format(limit)} | ${met ? 'yes' : '**no**'} |`);
  }
  return { lines, missed };
}
