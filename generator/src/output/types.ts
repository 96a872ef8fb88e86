/** The files output/ writes are what targets produce: the contract lives with the targets. */
export { GENERATED_MARKER, type GeneratedFile, generatedHeader } from '../targets/shared/generated-file.js';
