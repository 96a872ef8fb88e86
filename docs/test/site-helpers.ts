/** Build, serve and browse a VitePress site in tests: a static server on 127.0.0.1 and Debian's chromium. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const docsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const projectRoot = path.resolve(docsRoot, '..');
export const CHROMIUM = '/usr/bin/chromium';

/** `vitepress build <root> --outDir <outDir>`; rejects with the build's output when it fails. */
export function buildSite(root: string, outDir: string): Promise<void> {
  const vitepress = path.join(projectRoot, 'node_modules/vitepress/bin/vitepress.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitepress, 'build', root, '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`vitepress build failed (exit ${code}):\n${output}`));
    });
  });
}

/** The hand-written part of the site (docs/ relative); the generated part is `reference/`. */
export const HAND_WRITTEN_SITE = ['.vitepress/config.mts', '.vitepress/theme', 'index.md', 'guide', 'public'];
/** What the site is built from. */
const SITE_SOURCES = [...HAND_WRITTEN_SITE, 'reference'];

/** The newest and oldest modification times of the files at `paths` (files, or folders walked whole). */
async function fileTimes(paths: readonly string[]): Promise<{ newest: number; oldest: number }> {
  const times = { newest: 0, oldest: Number.POSITIVE_INFINITY };
  const note = (mtimeMs: number) => {
    times.newest = Math.max(times.newest, mtimeMs);
    times.oldest = Math.min(times.oldest, mtimeMs);
  };
  for (const item of paths.filter((candidate) => existsSync(candidate))) {
    const info = await stat(item);
    if (!info.isDirectory()) note(info.mtimeMs);
    else for (const entry of await readdir(item, { recursive: true, withFileTypes: true })) if (entry.isFile()) note((await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return times;
}

/**
 * The project's docs site as built: `docs/.vitepress/dist`, which `npm run generate` builds (turbo
 * `docs:build`, also a dependency of this workspace's tests), when no file the site is built from
 * changed after it was built; otherwise (vitest run on its own after an edit) a fresh build in a
 * temporary folder, removed by `dispose`.
 */
export async function builtDocsSite(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dist = path.join(docsRoot, '.vitepress/dist');
  if (existsSync(path.join(dist, 'index.html'))) {
    const [sources, built] = await Promise.all([fileTimes(SITE_SOURCES.map((source) => path.join(docsRoot, source))), fileTimes([dist])]);
    if (sources.newest < built.oldest) return { dir: dist, dispose: async () => undefined };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mgkit-docs-site-'));
  await buildSite(docsRoot, dir);
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names in a static build: `/x/` → `/x/index.html`, `/x` → `/x.html`. */
async function resolveFile(dir: string, urlPath: string): Promise<string | undefined> {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(dir, clean);
  if (!base.startsWith(dir)) return undefined;
  for (const candidate of [base, path.join(base, 'index.html'), `${base}.html`]) {
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serve a built site on 127.0.0.1 with an ephemeral port; unknown paths get 404.html and status 404. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
    void resolveFile(dir, urlPath).then(async (file) => {
      const status = file ? 200 : 404;
      const served = file ?? path.join(dir, '404.html');
      const body = existsSync(served) ? await readFile(served) : Buffer.from('not found');
      response.writeHead(status, { 'content-type': CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Headless Debian chromium, or undefined (with the reason logged) when it is not installed. */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) {
    console.warn(`SKIPPED browser tests: ${CHROMIUM} is absent (install it: apt-get install -y chromium; .ci/run does).`);
    return undefined;
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

export interface BrokenLink {
  readonly from: string;
  readonly href: string;
  readonly reason: string;
}

/**
 * Follow every same-origin `<a href>` from the start pages over HTTP (the build is server-rendered,
 * so the HTML holds every link); a link is broken when its page is not 200 or its `#anchor` has no element.
 */
export async function crawlInternalLinks(baseUrl: string, startPaths: readonly string[]): Promise<{ pages: number; links: number; broken: BrokenLink[]; visited: string[] }> {
  const origin = new URL(baseUrl).origin;
  const pages = new Map<string, Promise<{ status: number; html: string }>>();
  const fetchPage = (url: string) => {
    let page = pages.get(url);
    if (!page) {
      page = fetch(url).then(async (response) => ({ status: response.status, html: await response.text() }));
      pages.set(url, page);
    }
    return page;
  };
  const broken: BrokenLink[] = [];
  const queue = startPaths.map((start) => new URL(start, baseUrl).href);
  const visited = new Set<string>();
  let links = 0;
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (visited.has(current)) continue;
    visited.add(current);
    const { html } = await fetchPage(current);
    for (const match of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
      const href = (match[1] ?? '').replace(/&amp;/g, '&');
      const target = new URL(href, current);
      if (target.origin !== origin) continue;
      links += 1;
      target.hash = '';
      const { status, html: targetHtml } = await fetchPage(target.href);
      if (status !== 200) {
        broken.push({ from: current, href, reason: `HTTP ${status}` });
        continue;
      }
      const anchor = decodeURIComponent(new URL(href, current).hash.slice(1));
      if (anchor && !targetHtml.includes(`id="${anchor}"`)) broken.push({ from: current, href, reason: `no element with id "${anchor}"` });
      if (target.pathname.endsWith('.html') || target.pathname.endsWith('/')) queue.push(target.href);
    }
  }
  return { pages: visited.size, links, broken, visited: [...visited].sort() };
}

/** The fences of a VitePress code group in a markdown page: tab title → code. */
export function codeGroupTabs(markdown: string): Map<string, string> {
  const group = /::: code-group\n([\s\S]*?)\n:::/.exec(markdown)?.[1] ?? '';
  const tabs = new Map<string, string>();
  for (const match of group.matchAll(/^(`{3,})\S* \[([^\]]+)\]\n([\s\S]*?)\n\1$/gm)) tabs.set(match[2] ?? '', match[3] ?? '');
  return tabs;
}
