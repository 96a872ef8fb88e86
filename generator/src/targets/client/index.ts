/** Target 1: the Kiota TypeScript client (`@mgkit/graph-client`). Loaded lazily: it pulls in ts-morph. */
import type { Target } from '../types.js';
import { emitClient } from './emit-client.js';

export { emitClient, emitClientSources, type ClientEmitOptions } from './emit-client.js';

export const clientTarget: Target = {
  name: 'client',
  isEnabled: (unit) => unit.outputs.client !== undefined,
  emit: (model, context) => {
    const client = context.unit.outputs.client;
    return client ? emitClient(model, { outDir: client.dir }) : [];
  },
};
