/** The HTML shell of every page: header with search, a sidebar the page script fills, the content. */

export interface PageShell {
  readonly title: string;
  readonly siteTitle: string;
  /** From the page to the site root, e.g. `../../`. */
  readonly toSiteRoot: string;
  /** From the page to its module's root, e.g. `../`; undefined on the site's own index. */
  readonly toModuleRoot?: string;
  readonly module?: string;
  readonly body: string;
}

export function pageHtml(shell: PageShell): string {
  const moduleAttributes = shell.module !== undefined ? ` data-module="${escapeAttribute(shell.module)}" data-module-root="${escapeAttribute(shell.toModuleRoot ?? './')}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(shell.title)} | ${escapeText(shell.siteTitle)}</title>
<link rel="stylesheet" href="${shell.toSiteRoot}_assets/site.css">
<script defer src="${shell.toSiteRoot}_assets/minisearch.js"></script>
<script defer src="${shell.toSiteRoot}_assets/site.js"></script>
</head>
<body data-site-root="${escapeAttribute(shell.toSiteRoot)}"${moduleAttributes}>
<header class="top">
<a class="brand" href="${shell.toSiteRoot}index.html">${escapeText(shell.siteTitle)}</a>
<form class="search" role="search" onsubmit="return false">
<select id="search-module" aria-label="Module to search"></select>
<input id="search-input" type="search" placeholder="Search" aria-label="Search" autocomplete="off">
<ol id="search-results" hidden></ol>
</form>
</header>
<div class="layout">
<nav id="sidebar" aria-label="Module pages"></nav>
<main>
${shell.body}
</main>
</div>
</body>
</html>
`;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
