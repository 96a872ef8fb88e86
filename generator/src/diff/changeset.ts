import { createHash } from 'node:crypto';
import type { ApiDiff } from './types.js';

export type Bump = 'major' | 'minor' | 'patch';

/**
 * Semver bump a diff calls for: breaking → major (minor while the package is 0.x, where a
 * minor may break), additive → minor, documentation only → patch, nothing → none.
 */
export function bumpFor(diff: ApiDiff, currentVersion: string): Bump | undefined {
  if (diff.changes.length === 0) return undefined;
  if (diff.breaking > 0) return currentVersion.startsWith('0.') ? 'minor' : 'major';
  if (diff.changes.some((change) => !change.docsOnly)) return 'minor';
  return 'patch';
}

/** A changeset file (`.changeset/*.md`) for the generated packages, summarising the diff. */
export function renderChangeset(packages: readonly { name: string; bump: Bump }[], diff: ApiDiff, title: string): { fileName: string; contents: string } {
  const frontMatter = packages.map((entry) => `"${entry.name}": ${entry.bump}`).join('\n');
  const lines = diff.changes.map((change) => `- ${change.breaking ? '**Breaking:** ' : ''}${change.kind} ${change.subject} \`${change.target}\`: ${change.detail}`);
  const contents = `---\n${frontMatter}\n---\n\nRegenerated from ${title}: ${diff.changes.length} API change(s), ${diff.breaking} breaking.\n\n${lines.join('\n')}\n`;
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10);
  return { fileName: `mgkit-api-${hash}.md`, contents };
}
