export { parseCmdletHelp, type CmdletHelpParseResult } from './parse-cmdlet-help.js';
export { readCmdletHelpFolder, type CmdletHelpFolder, type ReadCmdletHelpFolderOptions } from './read-cmdlet-folder.js';
export { ALL_PARAMETER_SETS } from './syntax.js';
export { ALL_SETS } from './consistency.js';
export type * from './types.js';
