import type { ParameterSetMembership, SourcePosition } from './types.js';

/** What one yaml block under `### -Name` says about the parameter. */
export interface ParameterFacts {
  readonly type?: string;
  readonly aliases: readonly string[];
  readonly memberships: readonly ParameterSetMembership[];
  readonly defaultValue?: string;
  readonly acceptsWildcards: boolean;
  readonly pipelineInput: string;
  readonly acceptedValues: readonly string[];
}

/** Maps an offset inside the yaml text to its place in the markdown file. */
export type LocateInYaml = (offset: number) => SourcePosition;

/** platyPS writes `None` (0.14) or `''` (2024-05-01) when there is no default. */
export function meaningfulDefault(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === 'None' ? undefined : trimmed;
}

/** The 0.14 `Accept pipeline input` text for a set of memberships, as 2024-05-01 files lack it. */
export function pipelineInputText(memberships: readonly ParameterSetMembership[]): string {
  const kinds = [memberships.some((m) => m.valueFromPipelineByPropertyName) ? 'ByPropertyName' : undefined, memberships.some((m) => m.valueFromPipeline) ? 'ByValue' : undefined].filter(
    (kind) => kind !== undefined,
  );
  return kinds.length === 0 ? 'False' : `True (${kinds.join(', ')})`;
}
