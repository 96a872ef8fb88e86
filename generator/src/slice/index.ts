export { sliceDescription, reachableComponents, type SliceOptions, type SliceResult } from './slice-description.js';
