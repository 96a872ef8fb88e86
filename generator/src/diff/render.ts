import type { ApiChange, ApiDiff } from './types.js';

export function renderDiffJson(diff: ApiDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

export function renderDiffMarkdown(diff: ApiDiff, title: string): string {
  const lines = [`# API changes: ${title}`, ''];
  if (diff.changes.length === 0) return `${lines.join('\n')}No API changes.\n`;
  lines.push(`${diff.changes.length} change(s), ${diff.breaking} breaking.`, '');
  // several modules compared: each change says which one it is in
  const byModule = diff.changes.some((change) => change.module !== undefined);
  const section = (heading: string, changes: readonly ApiChange[]) => {
    if (changes.length === 0) return;
    lines.push(`## ${heading}`, '', byModule ? '| module | | what | where | detail |' : '| | what | where | detail |', byModule ? '|---|---|---|---|---|' : '|---|---|---|---|');
    for (const change of changes) {
      const module = byModule ? `${escapeCell(change.module ?? '')} | ` : '';
      lines.push(`| ${module}${change.kind} | ${change.subject} | \`${escapeCell(change.target)}\` | ${escapeCell(change.detail)} |`);
    }
    lines.push('');
  };
  section(
    'Breaking',
    diff.changes.filter((change) => change.breaking),
  );
  section(
    'Non-breaking',
    diff.changes.filter((change) => !change.breaking && !change.docsOnly),
  );
  section(
    'Documentation only',
    diff.changes.filter((change) => change.docsOnly),
  );
  return lines.join('\n');
}
