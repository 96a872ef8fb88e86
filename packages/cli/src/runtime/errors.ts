/** Errors that reach the user as one line and an exit code; never a stack. */

import { ExitCode, type ExitCodeValue } from '@mgkit/cli-contract';

export { ExitCode, type ExitCodeValue };

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad options or input: exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.usage);
    this.name = 'UsageError';
  }
}

/** No or bad credentials: exit 4. */
export class AuthError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.auth);
    this.name = 'AuthError';
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/** Up to `count` candidates closest to `input` (case-insensitive prefix matches first). */
export function closest(input: string, candidates: readonly string[], count = 3): string[] {
  const lower = input.toLowerCase();
  const scored = candidates.map((candidate) => {
    const distance = editDistance(input, candidate);
    const prefix = candidate.toLowerCase().startsWith(lower) || lower.startsWith(candidate.toLowerCase());
    return { candidate, score: prefix ? Math.min(distance, 1) : distance };
  });
  const limit = Math.max(2, Math.ceil(input.length / 2));
  return scored
    .filter((entry) => entry.score <= limit)
    .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, count)
    .map((entry) => entry.candidate);
}

export function didYouMean(input: string, candidates: readonly string[], prefix = ''): string {
  const near = closest(input, candidates);
  return near.length > 0 ? ` (did you mean ${near.map((name) => `${prefix}${name}`).join(', ')}?)` : '';
}
