import path from 'node:path';
import { loadConfig } from '../config/index.js';
import { generatorVersion } from './generator-version.js';
import { displayPath, printDiagnostics } from './report.js';

export interface SiteOptions {
  readonly config: string;
  readonly out: string;
  readonly unit?: readonly string[];
  readonly force?: boolean;
  readonly title?: string;
}

/** `mgkit-gen site`: every unit's generated docs as one static HTML site; exit 1 on a broken link. */
export async function siteCommand(options: SiteOptions): Promise<number> {
  const loaded = await loadConfig(path.resolve(options.config));
  printDiagnostics(loaded.diagnostics, { quiet: false });
  if (!loaded.config) return 1;
  const units = loaded.config.units.filter((unit) => unit.outputs['docs']);
  const selected = units.filter((unit) => !options.unit?.length || options.unit.includes(unit.name));
  if (selected.length === 0) {
    process.stderr.write(
      `mgkit-gen site: no unit of ${displayPath(loaded.config.file)} has outputs.docs${options.unit?.length ? ` among ${options.unit.join(', ')}` : ''} (fix: add outputs.docs to a unit, then run generate)\n`,
    );
    return 1;
  }
  const { buildSite } = await import('../site/build-site.js');
  const { findBrokenLinks } = await import('../site/check-links.js');
  const outDir = path.resolve(options.out);
  const { SiteInputError } = await import('../site/build-site.js');
  const build = buildSite({
    outDir,
    modules: units.map((unit) => ({ name: unit.name, docsDir: unit.outputs['docs']?.dir ?? '' })),
    ...(options.title && { siteTitle: options.title }),
    ...(options.force && { force: true }),
    ...(options.unit?.length && { only: selected.map((unit) => unit.name) }),
    builderVersion: generatorVersion(),
  });
  const result = await build.catch((error: unknown) => {
    if (!(error instanceof SiteInputError)) throw error;
    process.stderr.write(`mgkit-gen site: error site/missing-docs: ${error.message}; no module was built\n`);
    return undefined;
  });
  if (!result) return 1;
  const broken = await findBrokenLinks(outDir);
  for (const link of broken.slice(0, 50))
    process.stderr.write(
      `${displayPath(path.join(outDir, link.from))}: error site/broken-link: '${link.href}' reaches no page of the site (fix: correct the link in the page's source, or generate the page it names)\n`,
    );
  process.stdout.write(
    `Site: ${selected.length} module(s), ${result.built.length} built, ${result.upToDate.length} up to date; ${result.pagesWritten} page(s) written to ${displayPath(outDir)}; ${broken.length} broken link(s).${result.removed.length ? ` Removed ${result.removed.join(', ')} (no longer in the config).` : ''}\n`,
  );
  return broken.length > 0 ? 1 : 0;
}
