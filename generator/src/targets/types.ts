import type { GenerationUnitConfig } from '../config/index.js';
import type { ApiModel } from '../model/index.js';
import type { GeneratedFile } from './shared/generated-file.js';

export interface TargetContext {
  readonly unit: GenerationUnitConfig;
  /** Folder of mgkit.config.yaml (the project's specs folder). */
  readonly specsDir: string;
}

/** A target is a pure function of the model: no file system, no clock, no randomness. */
export interface Target {
  readonly name: string;
  /** Whether the unit configures this target's output. */
  readonly isEnabled: (unit: GenerationUnitConfig) => boolean;
  readonly emit: (model: ApiModel, context: TargetContext) => GeneratedFile[] | Promise<GeneratedFile[]>;
}
