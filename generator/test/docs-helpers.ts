/** Shared by the docs tests: the reference pages of the project's own specs, emitted in memory. */
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { emitDocsPages, type DocsPage } from '../src/targets/docs/index.js';
import type { ApiModel } from '../src/model/index.js';
import { configFile } from './helpers/paths.js';

export interface EmittedDocs {
  readonly model: ApiModel;
  readonly pages: readonly DocsPage[];
  readonly page: (path: string) => string;
}

export async function emitProjectDocs(config = configFile): Promise<EmittedDocs> {
  const result = await runPipeline({ configFile: config, modelOnly: true });
  const errors = result.diagnostics.errors;
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  const unit = result.units[0];
  if (!unit) throw new Error('no unit');
  const outputs = unit.unit.outputs;
  const pages = emitDocsPages(unit.model, outputs.docs!.dir, { client: { packageName: outputs.client!.packageName }, cli: { binName: outputs.cli!.binName } });
  const byPath = new Map(pages.map((page) => [page.path, page.contents]));
  return {
    model: unit.model,
    pages,
    page: (path) => {
      const contents = byPath.get(path);
      if (contents === undefined) throw new Error(`no page ${path}; have ${[...byPath.keys()].join(', ')}`);
      return contents;
    },
  };
}

/** The fences of a VitePress code group: title → code. */
export function codeGroupTabs(markdown: string): Map<string, string> {
  const group = /::: code-group\n([\s\S]*?)\n:::/.exec(markdown)?.[1] ?? '';
  const tabs = new Map<string, string>();
  for (const match of group.matchAll(/^(`{3,})\S* \[([^\]]+)\]\n([\s\S]*?)\n\1$/gm)) tabs.set(match[2] ?? '', match[3] ?? '');
  return tabs;
}

/** Lines that are a bare `.` description: a line `.`, a table cell `.`, or a NOTES entry ending in `: .`. */
export function bareDotLines(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^\s*\.\s*$/.test(line) || /\|\s*\.\s*\|/.test(line) || /`:\s*\.\s*$/.test(line));
}
