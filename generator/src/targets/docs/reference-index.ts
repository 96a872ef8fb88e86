/** The reference's index page and the sidebar VitePress imports (`sidebar.json`). */
import { generatedHeader } from '../shared/generated-file.js';
import type { DocsContext } from './context.js';
import { html } from './escape.js';
import { clientNodeLabel, operationTitle, pagePaths, route } from './names.js';
import { render } from './templates.js';

interface Entry {
  readonly text: string;
  readonly page: string;
}

interface Section {
  readonly text: string;
  readonly entries: readonly Entry[];
}

function sections(context: DocsContext): Section[] {
  const { model } = context;
  return [
    { text: 'Operations', entries: model.operations.map((operation) => ({ text: operationTitle(operation), page: pagePaths.operation(operation) })) },
    { text: 'PowerShell cmdlets', entries: model.commands.map((command) => ({ text: command.name, page: pagePaths.cmdlet(command) })) },
    {
      text: 'CLI commands',
      entries: context.cliCommands.map((command) => ({ text: [context.binName, ...command.data.path].join(' '), page: pagePaths.cliCommand(command.file) })),
    },
    {
      text: 'TypeScript client',
      entries: context.clientNodes.map((node) => ({
        text: clientNodeLabel(node),
        page: node.dir ? pagePaths.clientBuilder(node.dir) : pagePaths.clientIndex,
      })),
    },
    { text: 'Models', entries: model.types.map((type) => ({ text: type.name, page: pagePaths.model(type) })) },
  ].filter((section) => section.entries.length > 0);
}

export function renderReferenceIndex(context: DocsContext): string {
  const view = {
    header: generatedHeader('html'),
    title: `${context.model.title} reference`,
    version: context.model.version,
    baseUrl: context.model.baseUrl,
    sections: sections(context).map((section) => ({
      label: section.text,
      entries: section.entries.map((entry) => ({ label: entry.text, href: `./${entry.page}` })),
    })),
  };
  return render('reference-index', view);
}

/**
 * `<wbr>` where a long name may break: after a hyphen and before each word of a camelCase name
 * (`Get-MgApplicationSynchronizationAccessToken` breaks as Get-Mg / Application / Synchronization …,
 * not mid-word). Escaped text only: entities stay whole.
 */
export function breakAtWords(escaped: string): string {
  if (escaped.length <= 24) return escaped;
  return escaped.replace(/-(?=[A-Za-z])/g, '-<wbr>').replace(/([a-z0-9])(?=[A-Z][a-z])/g, '$1<wbr>');
}

/** VitePress sidebar items; links are site routes without extension. */
export function renderSidebar(context: DocsContext, referenceRoute: string): string {
  const sidebar = {
    // JSON has no comments: the do-not-edit header is a value.
    '//': generatedHeader('line').slice('// '.length),
    items: [
      { text: 'Reference', link: route(referenceRoute, pagePaths.index) },
      ...sections(context).map((section) => ({
        text: section.text,
        // Long lists start folded; their links are in the page either way.
        collapsed: section.entries.length > 6,
        // VitePress renders sidebar labels as HTML: long names may break at their words
        items: section.entries.map((entry) => ({ text: breakAtWords(html(entry.text)), link: route(referenceRoute, entry.page) })),
      })),
    ],
  };
  return `${JSON.stringify(sidebar, null, 2)}\n`;
}
