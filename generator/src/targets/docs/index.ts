/**
 * Target 3, the docs: the model → markdown reference pages for VitePress under the unit's
 * `outputs.docs.dir` (operations, cmdlets, CLI commands, client builders, models), an index
 * page and the sidebar. Pure: the only file read is the target's own templates.
 *
 * Where things are:
 * - `context.ts` — what every page reads (model, examples, invocations, client tree, CLI commands);
 * - `*-page.ts` — one view builder per kind of page, rendered by `templates.ts` with the
 *   handlebars templates of `generator/templates/docs/`; `escape.ts` — every input string passes it;
 * - `example-value.ts` — the one example value per operation; `snippets.ts` and `snippet-*.ts` —
 *   that value as HTTP, TypeScript, CLI and PowerShell; `invocation.ts` — which cmdlet parameter
 *   gets which part of it;
 * - `names.ts` — page paths, titles, links; `reference-index.ts` — the index page and sidebar.
 */
import path from 'node:path';
import type { ApiModel } from '../../model/index.js';
import type { TargetEmit, TargetExports } from '../types.js';
import { renderCliCommandPage } from './cli-page.js';
import { renderClientPage } from './client-page.js';
import { renderCmdletPage } from './cmdlet-page.js';
import { createDocsContext } from './context.js';
import { renderModelPage } from './model-page.js';
import { pagePaths } from './names.js';
import { renderOperationPage } from './operation-page.js';
import { renderReferenceIndex, renderSidebar } from './reference-index.js';

export interface DocsPage {
  /** Relative to the reference folder, POSIX separators. */
  readonly path: string;
  readonly contents: string;
}

/** Every page of the reference, sorted by path. */
export function emitDocsPages(model: ApiModel, dir: string, deps: Readonly<Record<string, TargetExports>>): DocsPage[] {
  return [...docsPages(model, dir, deps)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Every page of the reference, each rendered when asked for: a module's pages are tens of
 * megabytes, and a run stages each batch as it comes (`runUnit`) instead of holding them all.
 */
function* docsPages(model: ApiModel, dir: string, deps: Readonly<Record<string, TargetExports>>): Generator<DocsPage> {
  // the names examples use are the client's package and the CLI's command, as those targets export them
  const docs = createDocsContext(model, {
    clientPackage: deps['client']?.packageName ?? '',
    ...(deps['client']?.packageVersion !== undefined && { clientPackageVersion: deps['client'].packageVersion }),
    binName: deps['cli']?.binName ?? '',
  });
  for (const operation of model.operations) yield { path: pagePaths.operation(operation), contents: renderOperationPage(docs, operation) };
  for (const command of docs.cliCommands) yield { path: pagePaths.cliCommand(command.file), contents: renderCliCommandPage(docs, command) };
  for (const command of model.commands) yield { path: pagePaths.cmdlet(command), contents: renderCmdletPage(docs, command) };
  for (const node of docs.clientNodes) yield { path: node.dir ? pagePaths.clientBuilder(node.dir) : pagePaths.clientIndex, contents: renderClientPage(docs, node) };
  for (const type of model.types) yield { path: pagePaths.model(type), contents: renderModelPage(docs, type) };
  yield { path: pagePaths.index, contents: renderReferenceIndex(docs) };
  yield { path: 'sidebar.json', contents: renderSidebar(docs, `/${path.basename(dir)}`) };
}

export const emit: TargetEmit = function* (model, options, deps) {
  for (const page of docsPages(model, options.dir, deps)) yield { path: path.join(options.dir, ...page.path.split('/')), contents: page.contents };
};
