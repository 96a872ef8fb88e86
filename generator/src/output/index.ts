export * from './types.js';
export * from './lock.js';
export * from './plan.js';
export * from './apply.js';
export * from './plan-locked.js';
export * from './compare.js';
