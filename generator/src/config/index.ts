export * from './types.js';
export { loadConfig, DEFAULT_CONFIG_FILE } from './load-config.js';
export { overlayFiles } from './overlay-files.js';
