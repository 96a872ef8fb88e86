/** Target 1: the Kiota TypeScript client (`@mgkit/graph-client`). Loaded lazily: it pulls in ts-morph. */
import type { TargetEmit } from '../types.js';
import { emitClient } from './emit-client.js';

export { emitClient, emitClientSources, type ClientEmitOptions } from './emit-client.js';

export const emit: TargetEmit = (model, options) => emitClient(model, { outDir: options.dir });
