/**
 * The reference of every unit as one static HTML site, for surfaces VitePress cannot build (it
 * inlines the whole sidebar and site data into every page: output grows with the square of the
 * page count, and a 4,382-page module ran out of memory). Here a page carries its own content
 * only; the module's sidebar and search index are files the page script loads when needed.
 *
 *   <out>/index.html                 the modules
 *   <out>/_assets/                   site.css, site.js, minisearch.js (no unit name starts with _)
 *   <out>/<module>/…/*.html          one page per markdown page of the unit's docs output
 *   <out>/<module>/sidebar.json      the module's sidebar, links relative to the module
 *   <out>/<module>/search.json       the module's search index
 *
 * A module whose pages did not change since the last build is not rebuilt. A module is built
 * in a temporary folder and renamed into place, so a failed build leaves the previous one.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { runOnWorkers } from '../pipeline/worker-pool.js';
import { escapeAttribute, escapeText, pageHtml } from './layout.js';
import { renderPage } from './render-page.js';
import { buildSearchIndex, type IndexedPage } from './search-index.js';
import { searchWords } from './words.js';

/** A problem with the site's inputs, reported as one line. */
export class SiteInputError extends Error {}

export interface SiteModule {
  readonly name: string;
  /** The unit's docs output folder (markdown pages and `sidebar.json`). */
  readonly docsDir: string;
}

export interface SiteBuildOptions {
  readonly outDir: string;
  /** Every module of the site, in the order the index lists them. */
  readonly modules: readonly SiteModule[];
  /** Build these modules only (by name); the others stay as built before, or absent if never built. */
  readonly only?: readonly string[];
  readonly siteTitle?: string;
  /** Rebuild modules whose pages did not change. */
  readonly force?: boolean;
  /** The builder's version: a module built by another version is rebuilt. */
  readonly builderVersion?: string;
  /** Worker threads for the modules to build; default the cores available; 1 builds here. */
  readonly workers?: number;
}

/** One module to (re)build: what a site worker is given. */
export interface ModuleBuild {
  readonly module: SiteModule;
  readonly pages: readonly string[];
  readonly moduleOut: string;
  readonly siteTitle: string;
  readonly inputHash: string;
}

const WORKER_FILE = new URL('./site-worker.js', import.meta.url);

/** Each module's title, in order; several modules are built on worker threads. */
async function buildModules(builds: readonly ModuleBuild[], workers: number): Promise<string[]> {
  // from sources (tests under vitest) there is no compiled worker file: build here
  if (builds.length <= 1 || workers <= 1 || import.meta.url.endsWith('.ts')) {
    const titles: string[] = [];
    for (const build of builds) titles.push(await buildModule(build));
    return titles;
  }
  return runOnWorkers<ModuleBuild, string>(WORKER_FILE, builds, { size: workers, describe: (build) => `module ${(build as ModuleBuild).module.name}` });
}

export interface SiteBuildResult {
  readonly built: readonly string[];
  readonly upToDate: readonly string[];
  /** Pages written by this build. */
  readonly pagesWritten: number;
  /** Module folders removed because their module is no longer in the site. */
  readonly removed: readonly string[];
}

/** The manifest's layout; the builder's version (options.builderVersion) covers what pages render to. */
const SITE_FORMAT = 1;
const MANIFEST = '.mgkit-site.json';
const TEMPLATES = new URL('../../templates/site/', import.meta.url);

export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildResult> {
  const siteTitle = options.siteTitle ?? 'Microsoft Graph reference';
  await mkdir(options.outDir, { recursive: true });
  await writeAssets(options.outDir);
  const upToDate: string[] = [];
  const toBuild: ModuleBuild[] = [];
  const summaries = new Map<string, { name: string; title: string; pages: number }>();
  const removed = await removeDroppedModules(options.outDir, new Set(options.modules.map((module) => module.name)));
  for (const module of options.modules) {
    if (options.only && !options.only.includes(module.name)) {
      const manifest = await readManifest(path.join(options.outDir, module.name));
      if (manifest) summaries.set(module.name, { name: module.name, title: manifest.title, pages: manifest.pages });
      continue;
    }
    const pages = await markdownPages(module.docsDir);
    const inputHash = await hashPages(module.docsDir, pages, `${options.builderVersion ?? ''} ${siteTitle}`);
    const moduleOut = path.join(options.outDir, module.name);
    const manifest = await readManifest(moduleOut);
    if (!options.force && manifest?.inputHash === inputHash && manifest.format === SITE_FORMAT) {
      upToDate.push(module.name);
      summaries.set(module.name, { name: module.name, title: manifest.title, pages: manifest.pages });
    } else {
      toBuild.push({ module, pages, moduleOut, siteTitle, inputHash });
    }
  }
  const titles = await buildModules(toBuild, options.workers ?? availableParallelism());
  toBuild.forEach((build, index) => summaries.set(build.module.name, { name: build.module.name, title: titles[index] ?? build.module.name, pages: build.pages.length }));
  const built = toBuild.map((build) => build.module.name);
  const pagesWritten = toBuild.reduce((total, build) => total + build.pages.length, 0);
  const ordered = options.modules.flatMap((module) => summaries.get(module.name) ?? []);
  await writeFile(path.join(options.outDir, 'modules.json'), `${JSON.stringify(ordered.map(({ name, title }) => ({ name, title })))}\n`);
  await writeFile(path.join(options.outDir, 'index.html'), siteIndex(ordered, siteTitle));
  return { built, upToDate, pagesWritten, removed };
}

/** A folder with a site manifest whose module is gone from the config: its pages would be orphans. */
async function removeDroppedModules(outDir: string, modules: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || modules.has(entry.name)) continue;
    const folder = path.join(outDir, entry.name);
    // a staging folder left by a build that was cut short, or a module built before and dropped since
    if (/\.building-\d+$/.test(entry.name) || (await readManifest(folder))) {
      await rm(folder, { recursive: true, force: true });
      if (!entry.name.includes('.building-')) removed.push(entry.name);
    }
  }
  return removed;
}

interface Manifest {
  readonly format: number;
  readonly inputHash: string;
  readonly title: string;
  readonly pages: number;
}

async function readManifest(moduleOut: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(moduleOut, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Markdown pages under a docs folder, as sorted POSIX paths relative to it. */
async function markdownPages(docsDir: string): Promise<string[]> {
  if (!existsSync(docsDir)) throw new SiteInputError(`${docsDir} does not exist: the unit's docs were not generated (fix: run mgkit-gen generate first)`);
  const entries = await readdir(docsDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.relative(docsDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

async function hashPages(docsDir: string, pages: readonly string[], builderVersion: string): Promise<string> {
  const hash = createHash('sha256').update(`format ${SITE_FORMAT} ${builderVersion}\n`);
  for (const page of [...pages, 'sidebar.json']) {
    hash.update(`${page}\n`);
    if (existsSync(path.join(docsDir, page))) hash.update(await readFile(path.join(docsDir, page)));
  }
  return hash.digest('hex');
}

/** Renders every page of a module into a temporary folder, then swaps it in; returns the module's title. */
export async function buildModule({ module, pages, moduleOut, siteTitle, inputHash }: ModuleBuild): Promise<string> {
  const staging = `${moduleOut}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const indexed: IndexedPage[] = [];
  let moduleTitle = module.name;
  try {
    for (const page of pages) {
      const rendered = renderPage(await readFile(path.join(module.docsDir, page), 'utf8'));
      const depth = page.split('/').length - 1;
      const toModuleRoot = '../'.repeat(depth) || './';
      const htmlPath = page.replace(/\.md$/, '.html');
      const html = pageHtml({ title: rendered.title || module.name, siteTitle, toSiteRoot: `${'../'.repeat(depth)}../`, toModuleRoot, module: module.name, body: rendered.html });
      await mkdir(path.dirname(path.join(staging, htmlPath)), { recursive: true });
      await writeFile(path.join(staging, htmlPath), html);
      if (page === 'index.md' && rendered.title) moduleTitle = rendered.title;
      indexed.push({ id: htmlPath, kind: page.includes('/') ? (page.split('/')[0] ?? '') : 'index', page: rendered });
    }
    await writeFile(path.join(staging, 'sidebar.json'), `${JSON.stringify(await moduleSidebar(module.docsDir))}\n`);
    await writeFile(path.join(staging, 'search.json'), buildSearchIndex(indexed));
    const manifest: Manifest = { format: SITE_FORMAT, inputHash, title: moduleTitle, pages: pages.length };
    await writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest)}\n`);
    await rm(moduleOut, { recursive: true, force: true });
    await rename(staging, moduleOut);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return moduleTitle;
}

interface SidebarSection {
  readonly text: string;
  readonly items: readonly { readonly text: string; readonly href: string }[];
}

/**
 * The docs target's VitePress sidebar with links made relative to the module (`operations/x.html`)
 * and labels as plain text (the page script adds the word breaks).
 */
async function moduleSidebar(docsDir: string): Promise<SidebarSection[]> {
  const file = path.join(docsDir, 'sidebar.json');
  if (!existsSync(file)) return [];
  type Item = { text: string; link?: string; items?: Item[] };
  const sidebar = JSON.parse(await readFile(file, 'utf8')) as { items: Item[] };
  const prefix = sidebar.items[0]?.link ?? '/';
  const href = (link: string) => {
    const page = link.startsWith(prefix) ? link.slice(prefix.length) : link.replace(/^\//, '');
    return page === '' || page.endsWith('/') ? `${page}index.html` : `${page}.html`;
  };
  const plain = (text: string) =>
    text
      .replace(/<wbr>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return sidebar.items.map((item) => ({
    text: plain(item.text),
    items: item.items ? item.items.flatMap((child) => (child.link ? [{ text: plain(child.text), href: href(child.link) }] : [])) : item.link ? [{ text: plain(item.text), href: href(item.link) }] : [],
  }));
}

async function writeAssets(outDir: string): Promise<void> {
  const assets = path.join(outDir, '_assets');
  await mkdir(assets, { recursive: true });
  await writeFile(path.join(assets, 'site.css'), await readFile(new URL('site.css', TEMPLATES)));
  // the page script splits what a reader types exactly as the index was split
  const script = await readFile(new URL('site.js', TEMPLATES), 'utf8');
  await writeFile(
    path.join(assets, 'site.js'),
    script.replace('SEARCH_WORDS_FUNCTION', () => searchWords.toString()),
  );
  // MiniSearch's browser build, the same library that built the indexes
  const cjsEntry = createRequire(import.meta.url).resolve('minisearch');
  await writeFile(path.join(assets, 'minisearch.js'), await readFile(path.join(path.dirname(cjsEntry), '..', 'umd', 'index.js')));
}

function siteIndex(modules: readonly { name: string; title: string; pages: number }[], siteTitle: string): string {
  const items = modules.map((module) => `<li><a href="${escapeAttribute(module.name)}/index.html">${escapeText(module.title)}</a> <small>${module.pages} pages</small></li>`);
  return pageHtml({
    title: siteTitle,
    siteTitle,
    toSiteRoot: './',
    body: `<h1>${escapeText(siteTitle)}</h1>\n<p>${modules.length} modules. Search looks in the module you choose beside the search box.</p>\n<ul class="modules">\n${items.join('\n')}\n</ul>`,
  });
}
