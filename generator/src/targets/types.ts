/**
 * The target plug-in contract. A target is one folder under targets/ plus one entry in
 * registry.ts: its name (the `outputs.<name>` key of the config), the JSON Schema of its options
 * with their defaults, the targets it reads from (`dependsOn`) and what it offers them
 * (`exports`), and a lazily loaded `emit(model, options, deps)` — a pure function of the model.
 */
import type { TargetOutput } from '../config/types.js';
import type { ApiModel } from '../model/index.js';
import type { GeneratedFile } from './shared/generated-file.js';

/** A target's options as the config gives them (the config owns their shape). */
export type { TargetOutput };

/** What a target offers the targets that depend on it (read from its options, without emitting). */
export interface TargetExports {
  /** The npm package its output is published as (the client's, which the CLI and docs import). */
  readonly packageName?: string;
  /** That package's version, when the config names one (the docs pin it in install lines). */
  readonly packageVersion?: string;
  /** The command its output installs (the CLI's `mgkit`). */
  readonly binName?: string;
}

/** A target's files: an array, or a generator that makes each file when the run asks for it (so that none is held long). */
export type TargetFiles = Iterable<GeneratedFile> | Promise<Iterable<GeneratedFile>>;

export type TargetEmit = (model: ApiModel, options: TargetOutput, deps: Readonly<Record<string, TargetExports>>) => TargetFiles;

export interface TargetPlugin {
  /** The key of its options under `outputs:` in mgkit.config.yaml. */
  readonly name: string;
  /** One line for `mgkit-gen --help` and the config's docs. */
  readonly description: string;
  /** JSON Schema of its options besides `dir` (the config schema is assembled from these). */
  readonly options: { readonly required: readonly string[]; readonly properties: Readonly<Record<string, { readonly type: 'string' | 'boolean' }>> };
  /** Values for options the config leaves out. */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** Targets it reads from; the config must enable them too. */
  readonly dependsOn: readonly string[];
  readonly exports: (options: TargetOutput) => TargetExports;
  /** The emitter, loaded on use (the client's pulls in ts-morph and the TypeScript compiler). */
  readonly load: () => Promise<TargetEmit>;
}

/** The part of a generation unit a target run needs: the outputs the config enabled. */
export interface TargetUnit {
  readonly outputs: Readonly<Record<string, TargetOutput | undefined>>;
}

export interface TargetContext {
  readonly unit: TargetUnit;
  /** Folder of mgkit.config.yaml (the project's specs folder). */
  readonly specsDir: string;
}

/** A loaded target, ready to run on a unit: its emitter with the unit's options and its dependencies' exports. */
export interface Target {
  readonly name: string;
  /** Whether the unit configures this target's output. */
  readonly isEnabled: (unit: TargetUnit) => boolean;
  readonly emit: (model: ApiModel, context: TargetContext) => TargetFiles;
}
