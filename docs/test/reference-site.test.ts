/**
 * `mgkit-gen site` on five modules: four of the corpus and the project's own acquireAccessToken
 * unit. Every page is built with no broken link; pages stay small (no inlined sidebar); a second
 * build rebuilds nothing and an edited page rebuilds its module alone; and in Chromium, search
 * scoped to each module finds the right operation page first, camelCase names by their words.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, projectRoot, serveStatic, type StaticServer } from './site-helpers.js';

const CORPUS_MODULES = ['ChangeNotifications', 'DirectoryObjects', 'Search', 'Bookings'];
interface ScratchModule {
  corpusRoot(): string | undefined;
  writeScratchProject(dest: string, root: string, modules: readonly string[]): string;
}

const scratch = (await import(/* @vite-ignore */ path.join(projectRoot, 'bench/whole-graph/scratch.mjs'))) as ScratchModule;
const corpus = scratch.corpusRoot();
const available = corpus !== undefined;
if (!available) console.warn('SKIPPED reference-site tests: ../shared/corpus/graph-powershell-2023/extract.sh is absent (the corpus lives in ../shared beside the project).');
const generatorBin = path.join(projectRoot, 'generator/bin/mgkit-gen.js');
let dest = '';
let siteDir = '';
let firstBuild = { status: -1 as number | null, stdout: '', stderr: '' };

/** The project's own unit (specs/), added to the scratch config as a fifth module. */
function projectUnit(): string {
  const specs = path.join(projectRoot, 'specs');
  return `  - name: acquire
    openapi: "${path.join(specs, 'openapi/acquireAccessToken.yaml')}"
    cmdlets: ["${path.join(specs, 'cmdlets')}"]
    lockFile: locks/acquire.json
    outputs:
      client: { dir: out/acquire/client, packageName: "@mgkit/graph-client" }
      cli: { dir: out/cli/src/generated/acquire, packageName: "@mgkit/cli" }
      docs: { dir: out/acquire/docs }
`;
}

function site(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [generatorBin, 'site', '--config', path.join(dest, 'mgkit.config.yaml'), '--out', siteDir, ...args], {
    cwd: dest,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  if (!corpus) return;
  dest = mkdtempSync(path.join(os.tmpdir(), 'mgkit-site-'));
  const config = scratch.writeScratchProject(dest, corpus, CORPUS_MODULES);
  appendFileSync(config, projectUnit());
  execFileSync(process.execPath, [generatorBin, 'generate', '--quiet', '--config', config], { cwd: dest });
  siteDir = path.join(dest, 'site');
  firstBuild = site();
}, 300_000);

afterAll(() => {
  if (dest) rmSync(dest, { recursive: true, force: true });
});

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
}

describe.skipIf(!available)('mgkit-gen site: the whole surface as one static site', () => {
  it('builds a page for every generated markdown page, with 0 broken links', () => {
    expect(firstBuild.status, firstBuild.stderr).toBe(0);
    expect(firstBuild.stdout).toMatch(/Site: 5 module\(s\), 5 built, 0 up to date; \d+ page\(s\) written .*; 0 broken link\(s\)\./);
    for (const unit of ['changenotifications', 'directoryobjects', 'search', 'bookings', 'acquire']) {
      const markdown = readdirSync(path.join(dest, 'out', unit, 'docs'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
      const html = htmlPages(path.join(siteDir, unit));
      expect(html.length).toBe(markdown.length);
      expect(html.sort()).toEqual(markdown.map((file) => file.replace(/\.md$/, '.html')).sort());
    }
  });

  it('keeps the sidebar out of the pages: page size does not grow with the module', () => {
    // Bookings has ~10x the pages of ChangeNotifications; its median page must not be ~10x larger.
    const medianSize = (unit: string) => {
      const sizes = htmlPages(path.join(siteDir, unit))
        .map((file) => statSync(path.join(siteDir, unit, file)).size)
        .sort((a, b) => a - b);
      return sizes[Math.floor(sizes.length / 2)] ?? 0;
    };
    expect(htmlPages(path.join(siteDir, 'bookings')).length).toBeGreaterThan(5 * htmlPages(path.join(siteDir, 'changenotifications')).length);
    expect(medianSize('bookings')).toBeLessThan(3 * medianSize('changenotifications'));
    const sidebar = readFileSync(path.join(siteDir, 'bookings/sidebar.json'), 'utf8');
    const page = readFileSync(path.join(siteDir, 'bookings/index.html'), 'utf8');
    expect(page).not.toContain(sidebar.slice(0, 200));
  });

  it('reports a broken link by page and exits 1', () => {
    const page = path.join(siteDir, 'search/index.html');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, original.replace('</main>', '<a href="operations/no-such-page.html">x</a></main>'));
    try {
      const result = site();
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/search\/index\.html: error site\/broken-link: 'operations\/no-such-page\.html' reaches no page/);
    } finally {
      writeFileSync(page, original);
    }
  });

  it('is incremental per module: nothing rebuilt when nothing changed, one edited page rebuilds its module alone', () => {
    expect(site().stdout).toMatch(/5 module\(s\), 0 built, 5 up to date; 0 page\(s\) written/);
    const edited = path.join(dest, 'out/search/docs/index.md');
    appendFileSync(edited, '\nAn added line.\n');
    const result = site();
    expect(result.stdout).toMatch(/5 module\(s\), 1 built, 4 up to date/);
    expect(readFileSync(path.join(siteDir, 'search/index.html'), 'utf8')).toContain('An added line.');
  });

  describe('in Chromium', () => {
    let browser: Browser | undefined;
    let server: StaticServer | undefined;
    beforeAll(async () => {
      browser = await launchChromium();
      server = await serveStatic(siteDir);
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    // [module, words a reader types, the operation page that must come first]
    const searches: [string, string, RegExp][] = [
      ['acquire', 'acquire token', /^operations\/.*acquire-access-token/],
      ['changenotifications', 'reauthorize', /^operations\/subscriptions-.*reauthorize/],
      ['directoryobjects', 'check member groups', /^operations\/directory-objects-.*check-member-groups/],
      ['search', 'query', /^operations\/search-query/],
      ['bookings', 'staff availability', /^operations\/.*get-staff-availability/],
    ];

    it.each(searches)('in module %s, "%s" finds the operation page first', async (module, words, expected) => {
      if (!browser || !server) return;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        // start on another module's page: the module picker scopes the search
        await page.goto(`${server.url}/search/index.html`);
        await page.selectOption('#search-module', module);
        await page.fill('#search-input', words);
        const first = page.locator('#search-results a.search-result').first();
        await first.waitFor();
        const href = (await first.getAttribute('href')) ?? '';
        expect(href.replace(/^(\.\.\/)+|^\.\//, '').replace(new RegExp(`^${module}/`), '')).toMatch(expected);
        await first.click();
        await page.waitForLoadState('load');
        expect(new URL(page.url()).pathname).toMatch(new RegExp(`/${module}/operations/`));
        // the sidebar loads and marks the page
        await expect.poll(() => page.locator('#sidebar a[aria-current="page"]').count()).toBe(1);
      } finally {
        await page.close();
      }
    });

    it('fits 390 px and 1280 px: no element of an operation page is wider than the window', async () => {
      if (!browser || !server) return;
      for (const width of [390, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        try {
          await page.goto(`${server.url}/bookings/${htmlPages(path.join(siteDir, 'bookings')).find((file) => file.startsWith('operations/'))}`);
          // measured once the page script has filled the module picker and the sidebar
          await page.locator('#search-module option').nth(4).waitFor({ state: 'attached' });
          await page.locator('#sidebar a[aria-current="page"]').waitFor({ state: 'attached' });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
        } finally {
          await page.close();
        }
      }
    });
  });
  it('with --unit rebuilds that module only and keeps the others in the index', () => {
    appendFileSync(path.join(dest, 'out/bookings/docs/index.md'), '\nAnother added line.\n');
    appendFileSync(path.join(dest, 'out/search/docs/index.md'), '\nA line for the next build.\n');
    const result = site('--unit', 'bookings');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Site: 1 module\(s\), 1 built, 0 up to date/);
    const modules = JSON.parse(readFileSync(path.join(siteDir, 'modules.json'), 'utf8')) as { name: string }[];
    expect(modules.map((module) => module.name)).toEqual(['changenotifications', 'directoryobjects', 'search', 'bookings', 'acquire']);
    expect(readFileSync(path.join(siteDir, 'search/index.html'), 'utf8')).not.toContain('A line for the next build.');
  });

  it('removes a module dropped from the config, and the index no longer links it', () => {
    const config = path.join(dest, 'mgkit.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(projectUnit(), ''));
    const result = site();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Removed acquire \(no longer in the config\)/);
    expect(readdirSync(siteDir)).not.toContain('acquire');
    expect(readFileSync(path.join(siteDir, 'index.html'), 'utf8')).not.toContain('acquire/index.html');
  });
});
