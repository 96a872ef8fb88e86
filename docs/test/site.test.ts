/**
 * The built help site in a real browser (Debian's chromium through playwright-core): the
 * operation page's example tabs, local search, a cmdlet page's `<String>` as text, no console
 * errors, and no broken internal link. On the site `npm run generate` built (docs/.vitepress/dist),
 * or on a fresh build when a page changed since.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDocsSite, crawlInternalLinks, launchChromium, projectRoot, serveStatic, type StaticServer } from './site-helpers.js';

const OPERATION_PAGE = '/reference/operations/applications-synchronization-acquire-access-token-post.html';
const CMDLET_PAGE = '/reference/cmdlets/Get-MgApplicationSynchronizationAccessToken.html';
const CLI_PAGE = '/reference/cli/applications-synchronization-acquire-access-token-post.html';
const SCREENSHOT = path.join(projectRoot, 'test-artifacts/operation-page.png');

let site: Awaited<ReturnType<typeof builtDocsSite>> | undefined;
let server: StaticServer;
let browser: Browser | undefined;
const consoleErrors: string[] = [];

beforeAll(async () => {
  site = await builtDocsSite();
  server = await serveStatic(site.dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.dispose();
});

async function openPage(urlPath: string): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${urlPath}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${urlPath}: ${error.message}`));
  const response = await page.goto(`${server.url}${urlPath}`, { waitUntil: 'networkidle' });
  expect(response?.status(), urlPath).toBe(200);
  return page;
}

describe('the built site', () => {
  it('shows the four example tabs of the operation page, each with its code, saying the same thing', async (context) => {
    if (!browser) return context.skip();
    const page = await openPage(OPERATION_PAGE);
    const group = page.locator('.vp-code-group').first();
    const expected: Record<string, string> = {
      HTTP: 'POST https://graph.microsoft.com/v1.0/applications/',
      TypeScript: '.synchronization.acquireAccessToken.post(',
      CLI: 'mgkit applications synchronization acquire-access-token post',
      PowerShell: "Get-MgApplicationSynchronizationAccessToken `\n  -ApplicationId '",
    };
    const shown: string[] = [];
    for (const [title, snippet] of Object.entries(expected)) {
      await group.locator('.tabs label', { hasText: new RegExp(`^${title}$`) }).click();
      const active = group.locator('.blocks > div.active');
      await expect.poll(() => active.innerText()).toContain(snippet);
      const code = await active.innerText();
      shown.push(code);
      expect(await active.isVisible(), `${title} block visible`).toBe(true);
    }
    // One example value: the same id, enum member and placeholder secret in every tab.
    const id = /applications\/([0-9a-f-]{36})/.exec(shown[0] ?? '')?.[1] ?? 'missing id';
    for (const code of shown) {
      expect(code).toContain(id);
      expect(code).toContain('UserName');
      expect(code).toContain('admin@contoso.com');
      expect(code).toMatch(/<secret>|Password=@password\.txt/);
    }
    await group.locator('.tabs label', { hasText: /^HTTP$/ }).click();
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    // A viewport as tall as the page: a full-page capture would repeat the fixed navigation mid-page.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1440, height });
    await page.screenshot({ path: SCREENSHOT });
    await page.close();
  });

  it('finds acquireAccessToken with the local search and reaches the operation page', async (context) => {
    if (!browser) return context.skip();
    const page = await openPage('/');
    await page.locator('.VPNavBarSearch button').first().click();
    const input = page.locator('#localsearch-input');
    await input.fill('acquireAccessToken');
    const hit = page.locator('#localsearch-list a.result[href*="/reference/operations/"]').first();
    await hit.waitFor({ state: 'visible' });
    await hit.click();
    await page.waitForURL(/\/reference\/operations\/.*acquire-access-token-post/);
    await expect.poll(() => page.locator('h1').first().innerText()).toContain('acquireAccessToken');
    await page.close();
  });

  it('finds a name by the words inside it: "acquire token" puts the operation page first', async (context) => {
    if (!browser) return context.skip();
    const page = await openPage('/');
    await page.locator('.VPNavBarSearch button').first().click();
    await page.locator('#localsearch-input').fill('acquire token');
    const first = page.locator('#localsearch-list a.result').first();
    await first.waitFor({ state: 'visible' });
    expect(await first.getAttribute('href')).toMatch(/\/reference\/operations\/applications-synchronization-acquire-access-token-post\.html/);
    await page.close();
  });

  it.for([1280, 390])('fits every element of the reference pages in its column at %i px (tables, code, long names)', async (width, context) => {
    if (!browser) return context.skip();
    const overflowing: string[] = [];
    for (const urlPath of [OPERATION_PAGE, CMDLET_PAGE, CLI_PAGE]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}${urlPath}`, { waitUntil: 'networkidle' });
      await page.locator('.vp-doc h1').first().waitFor();
      const found = await page.evaluate(() => {
        const column = document.querySelector('.vp-doc');
        if (!column) return ['no .vp-doc'];
        const right = column.getBoundingClientRect().right;
        const problems: string[] = [];
        for (const element of column.querySelectorAll<HTMLElement>('table, pre, code, p, li, td, th, h1, h2, h3, div[class*="language-"]')) {
          const box = element.getBoundingClientRect();
          const scrolls = (element.tagName === 'PRE' || element.tagName === 'TABLE') && element.scrollWidth > element.clientWidth + 1;
          if (box.right > right + 1 || scrolls)
            problems.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" (right ${Math.round(box.right)} > ${Math.round(right)}${scrolls ? ', scrolls' : ''})`);
        }
        return problems;
      });
      overflowing.push(...found.map((problem) => `${urlPath}: ${problem}`));
      await page.close();
    }
    expect(overflowing).toEqual([]);
  });

  it('shows a cmdlet page with <String> and <IApplicationsIdentity> as text', async (context) => {
    if (!browser) return context.skip();
    const page = await openPage(CMDLET_PAGE);
    const body = await page.locator('main').innerText();
    expect(body).toContain('-ApplicationId <String>');
    expect(body).toContain('-InputObject <IApplicationsIdentity>');
    expect(body).toContain('INPUTOBJECT <IApplicationsIdentity>');
    expect(body).not.toContain('{{ Add code here }}');
    await page.close();
  });

  it('reaches a cmdlet page and a CLI page through the sidebar', async (context) => {
    if (!browser) return context.skip();
    const page = await openPage(OPERATION_PAGE);
    const sidebar = page.locator('.VPSidebar');
    await sidebar.locator('a', { hasText: 'Get-MgApplicationSynchronizationAccessToken' }).click();
    await page.waitForURL(/\/reference\/cmdlets\/Get-MgApplicationSynchronizationAccessToken/);
    await expect.poll(() => page.locator('h1').first().innerText()).toContain('Get-MgApplicationSynchronizationAccessToken');
    await sidebar.locator('a', { hasText: 'mgkit applications synchronization acquire-access-token post' }).click();
    await page.waitForURL(/\/reference\/cli\/applications-synchronization-acquire-access-token-post/);
    await expect.poll(() => page.locator('h1').first().innerText()).toContain('acquire-access-token post');
    await page.close();
  });

  let crawled: string[] = [];
  const titles = new Map<string, string>();
  const narrowestProseColumn = new Map<string, number>();

  it('has no broken internal link', async () => {
    const { pages, links, broken, visited } = await crawlInternalLinks(server.url, ['/', '/reference/']);
    crawled = visited;
    expect(pages).toBeGreaterThan(20);
    expect(links).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it('opens every crawled page in the browser without a console error', async (context) => {
    if (!browser) return context.skip();
    expect(crawled.length).toBeGreaterThan(20);
    // A few tabs at a time: each page waits for the network to go idle after hydration.
    const queue = [...crawled];
    const worker = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        const pathname = new URL(url).pathname;
        const page = await openPage(pathname);
        titles.set(pathname, await page.title());
        // The narrowest last (prose) column of any table on the page, in CSS pixels.
        const widths = await page.locator('.vp-doc table tr > td:last-child').evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().width));
        if (widths.length > 0) narrowestProseColumn.set(pathname, Math.min(...widths));
        await page.close();
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
  });

  it('gives every page its own title (search results and tabs tell them apart)', (context) => {
    if (!browser) return context.skip();
    const byTitle = new Map<string, string[]>();
    for (const [pathname, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), pathname]);
    expect([...byTitle].filter(([, pages]) => pages.length > 1)).toEqual([]);
    expect(titles.size).toBeGreaterThan(20);
  });

  it('keeps the prose column of every table readable at 1440 px (no word-by-word squeeze)', (context) => {
    if (!browser) return context.skip();
    expect(narrowestProseColumn.size).toBeGreaterThan(10);
    expect([...narrowestProseColumn].filter(([, width]) => width < 200)).toEqual([]);
  });

  it('logged no console error on any page it opened', (context) => {
    if (!browser) return context.skip();
    expect(consoleErrors).toEqual([]);
  });
});
