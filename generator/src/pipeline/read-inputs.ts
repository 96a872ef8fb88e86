import type { GenerationUnitConfig } from '../config/index.js';
import { DiagnosticBag } from '../diagnostics/index.js';
import { readCmdletHelpFolder, type CmdletHelp } from '../sources/cmdlets/index.js';
import { loadOpenApiDocument, type OpenApiDocument } from '../sources/openapi/index.js';

export interface UnitInputs {
  readonly document: OpenApiDocument;
  readonly cmdlets: readonly CmdletHelp[];
  /** platyPS module pages found in the help folders: read, and skipped as they are not cmdlet help. */
  readonly modulePages: readonly string[];
}

/** Read one unit's description and cmdlet help folders. */
export async function readUnitInputs(unit: GenerationUnitConfig, diagnostics: DiagnosticBag): Promise<UnitInputs | undefined> {
  const [openapi, ...folders] = await Promise.all([loadOpenApiDocument(unit.openapi), ...unit.cmdlets.map((folder) => readCmdletHelpFolder(folder))]);
  diagnostics.addAll(openapi.diagnostics);
  folders.forEach((folder) => diagnostics.addAll(folder.diagnostics));
  if (!openapi.document || diagnostics.hasErrors) return undefined;
  const cmdlets = folders.flatMap((folder) => folder.cmdlets);
  return {
    document: openapi.document,
    cmdlets,
    modulePages: folders.flatMap((folder) => folder.skippedModulePages),
  };
}
