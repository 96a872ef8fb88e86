/**
 * `specs/descriptions.yaml`: text the OpenAPI description lacks, by component schema name. It
 * fills gaps only (the description's own text wins) and is cited like `permissions.yaml`.
 */

/** Where an entry is written, for diagnostics about it. */
export interface SourceLine {
  readonly line: number;
  readonly column: number;
}

export interface SchemaDescriptions {
  readonly at: SourceLine;
  /** The type's own description. */
  readonly description?: string;
  /** Enum value on the wire → its description. */
  readonly members: ReadonlyMap<string, { readonly text: string; readonly at: SourceLine }>;
}

export interface DescriptionsFile {
  /** Absolute path of the file. */
  readonly file: string;
  /** Component schema name (`microsoft.graph.synchronizationSecret`) → its texts. */
  readonly schemas: ReadonlyMap<string, SchemaDescriptions>;
}
