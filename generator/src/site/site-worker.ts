/** A worker thread of `buildSite`: builds the modules it is given, one at a time. */
import { parentPort } from 'node:worker_threads';
import { serveTasks } from '../pipeline/worker-pool.js';
import { buildModule, type ModuleBuild } from './build-site.js';

if (!parentPort) throw new Error('site-worker runs as a worker thread of mgkit-gen site');
serveTasks<ModuleBuild, string>(parentPort, buildModule);
