/** Every relative link of a built site must reach a file of it: pages' `href`s and sidebar entries. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface BrokenLink {
  /** The page (or sidebar.json) the link is in, relative to the site root. */
  readonly from: string;
  readonly href: string;
}

export async function findBrokenLinks(siteDir: string): Promise<BrokenLink[]> {
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  const existing = new Set(files);
  const anchors = new Map<string, Promise<Set<string>>>();
  const anchorsOf = (file: string) => {
    let ids = anchors.get(file);
    if (!ids) {
      ids = readFile(path.join(siteDir, file), 'utf8').then((html) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1] ?? '')));
      anchors.set(file, ids);
    }
    return ids;
  };
  const broken: BrokenLink[] = [];
  for (const file of files) {
    const hrefs = file.endsWith('.html')
      ? pageLinks(await readFile(path.join(siteDir, file), 'utf8'))
      : file.endsWith('/sidebar.json')
        ? sidebarLinks(await readFile(path.join(siteDir, file), 'utf8'))
        : [];
    for (const href of hrefs) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
      const [pathPart = '', anchor] = href.replace(/\?[^#]*/, '').split('#');
      const target = pathPart === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), safeDecode(pathPart)));
      const page = existing.has(target) ? target : existing.has(path.posix.join(target, 'index.html')) ? path.posix.join(target, 'index.html') : undefined;
      if (!page || (anchor && page.endsWith('.html') && !(await anchorsOf(page)).has(safeDecode(anchor)))) broken.push({ from: file, href });
    }
  }
  return broken;
}

function pageLinks(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));
}

function sidebarLinks(json: string): string[] {
  const sections = JSON.parse(json) as { items: { href: string }[] }[];
  return sections.flatMap((section) => section.items.map((item) => item.href));
}

/** A link with a stray `%` is compared as written rather than crashing the check. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
