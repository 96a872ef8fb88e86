/**
 * Text from the inputs never becomes markup or a Vue interpolation: a temporary copy of specs/
 * whose descriptions carry `</script><script>alert(1)</script>`, `{{ constructor }}` and an
 * `<img onerror>` is generated and built into a site, which must build, show the text as text
 * and execute nothing.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, docsRoot, HAND_WRITTEN_SITE, launchChromium, projectRoot, serveStatic, type StaticServer } from './site-helpers.js';

const SCRIPT = '</script><script>alert(1)</script>';
const MUSTACHE = '{{ constructor }}';
const IMAGE = '<img src=x onerror=alert(2)>';
const PAYLOAD = `${SCRIPT} ${MUSTACHE} ${IMAGE}`;

let root: string;
let server: StaticServer;
let browser: Browser | undefined;

/** Replace `search` (which must occur) in a file. */
async function plant(file: string, search: string, replacement: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(search)) throw new Error(`${path.basename(file)} has no '${search}'`);
  await writeFile(file, text.split(search).join(replacement));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mgkit-docs-xss-'));
  await cp(path.join(projectRoot, 'specs'), path.join(root, 'specs'), { recursive: true });
  const description = path.join(root, 'specs/openapi/acquireAccessToken.yaml');
  // info.title becomes the reference index's heading, which VitePress copies into a <script> block
  await plant(description, '  title: Applications\n', `  title: 'Applications ${SCRIPT}'\n`);
  await plant(description, 'summary: Invoke action acquireAccessToken', `summary: 'Invoke {{ constructor }} acquireAccessToken'`);
  await plant(
    description,
    'description: Acquire an OAuth access token to authorize the Microsoft Entra provisioning service to provision users into an application.',
    `description: '${PAYLOAD} Acquire an OAuth access token.'`,
  );
  await plant(description, 'description: The value of the secret.', `description: 'The value ${PAYLOAD}'`);
  const cmdlet = path.join(root, 'specs/cmdlets/Get-MgApplicationSynchronizationAccessToken.md');
  await plant(cmdlet, 'Optional headers that will be added to the request.', `Optional headers ${PAYLOAD}`);
  await plant(cmdlet, '## SYNOPSIS\nAcquire', `## SYNOPSIS\n${PAYLOAD} Acquire`);

  const generated = spawnSync(process.execPath, [path.join(projectRoot, 'generator/bin/mgkit-gen.js'), 'generate', '--config', 'specs/mgkit.config.yaml'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (generated.status !== 0) throw new Error(`mgkit-gen failed:\n${generated.stdout}\n${generated.stderr}`);

  // The hand-written part of the site, and node_modules so the config resolves vitepress.
  const site = path.join(root, 'docs');
  for (const entry of HAND_WRITTEN_SITE) {
    await cp(path.join(docsRoot, entry), path.join(site, entry), { recursive: true });
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await buildSite(site, path.join(root, 'dist'));
  server = await serveStatic(path.join(root, 'dist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const PAGES = [
  '/reference/operations/applications-synchronization-acquire-access-token-post.html',
  '/reference/cmdlets/Get-MgApplicationSynchronizationAccessToken.html',
  '/reference/models/synchronization-secret-key-string-value-pair.html',
  '/reference/cli/applications-synchronization-acquire-access-token-post.html',
];

describe('a description with script, HTML and Vue syntax', () => {
  it('is never raw markup in the built HTML', async () => {
    for (const page of PAGES) {
      const html = await (await fetch(`${server.url}${page}`)).text();
      expect(html, page).not.toContain('<script>alert(1)');
      expect(html, page).not.toContain('<img src=x');
      expect(html, page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('renders as visible text and executes nothing', async (context) => {
    if (!browser) return context.skip();
    for (const urlPath of PAGES) {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      const response = await page.goto(`${server.url}${urlPath}`, { waitUntil: 'networkidle' });
      expect(response?.status(), urlPath).toBe(200);
      const text = await page.locator('main').innerText();
      expect(text, urlPath).toContain(SCRIPT);
      expect(text, urlPath).toContain(MUSTACHE);
      expect(text, urlPath).toContain(IMAGE);
      expect(await page.locator('main img').count(), urlPath).toBe(0);
      expect(problems, urlPath).toEqual([]);
      await page.close();
    }
  });
});
