/** A target's options as the config gives them: every target writes under `dir` (absolute once resolved). */
export interface TargetOutput {
  readonly dir: string;
  readonly [option: string]: unknown;
}

/** `specs/mgkit.config.yaml`, after validation, with paths resolved against the config's folder. */
/**
 * `outputs:` — one entry per enabled target (targets/registry.ts), its options with defaults
 * applied and `dir` absolute. The entries of the built-in targets are typed for convenience.
 */
export type OutputsConfig = Readonly<Record<string, TargetOutput | undefined>> & {
  /** Folder of the Kiota client's emitted sources. */
  readonly client?: TargetOutput & { readonly packageName: string };
  /** Folder of the CLI's emitted command definitions. */
  readonly cli?: TargetOutput & { readonly packageName: string; readonly binName: string };
  /** Folder of the docs site's emitted reference pages. */
  readonly docs?: TargetOutput;
  /** Folder llms.txt and the per-operation markdown go to. */
  readonly llms?: TargetOutput & { readonly siteUrl?: string };
};

export interface SelectionConfig {
  /** Globs on `METHOD /path` or `/path` (method filter `#POST` like Kiota also accepted). */
  readonly paths: readonly string[];
  /** Globs on cmdlet names (case-insensitive). */
  readonly cmdlets: readonly string[];
}

export interface GenerationUnitConfig {
  readonly name: string;
  /** Absolute path of the OpenAPI description. */
  readonly openapi: string;
  /** Absolute paths of cmdlet help folders. */
  readonly cmdlets: readonly string[];
  /** Absolute path of the permissions file (`permissions.yaml`) the docs show, when configured. */
  readonly permissions?: string;
  /** Absolute path of the descriptions file (`descriptions.yaml`): texts the description lacks, when configured. */
  readonly descriptions?: string;
  readonly include: SelectionConfig;
  readonly exclude: SelectionConfig;
  /** Explicit joins: cmdlet name → parameter-set name (or `*`) → operation (`METHOD /path` or operationId). */
  readonly bindings: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Keep `microsoft.graph.` in action/function URL segments (default true: the description's path). */
  readonly keepActionPrefixInUrl: boolean;
  readonly outputs: OutputsConfig;
  /** Absolute path of the lock file recording this unit (the config's `lockFile` unless the unit sets its own). */
  readonly lockFile: string;
}

export interface MgkitConfig {
  /** Absolute path of the config file. */
  readonly file: string;
  /** Folder paths in the config are relative to. */
  readonly baseDir: string;
  /** The project root (see util/paths.ts projectRootOf): every output folder lies inside it. */
  readonly projectRoot: string;
  /** Absolute path of the lock file. */
  readonly lockFile: string;
  readonly units: readonly GenerationUnitConfig[];
}
