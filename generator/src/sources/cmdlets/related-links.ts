import type { Nodes } from 'mdast';
import { inlineText, isPlaceholderText } from './markdown.js';
import { sectionNodes, type HelpSection } from './sections.js';
import type { RelatedLink } from './types.js';

const BARE_URL = /https?:\/\/[^\s<>)\]]+/g;

/** Markdown links (text may be empty, `[](url)`) and bare URLs, in file order. */
export function readRelatedLinks(section: HelpSection | undefined): RelatedLink[] {
  const links: RelatedLink[] = [];
  for (const node of section ? sectionNodes(section) : []) collectLinks(node, links);
  return links;
}

function collectLinks(node: Nodes, links: RelatedLink[]): void {
  if (node.type === 'link') {
    links.push({ text: linkText(node), url: node.url });
  } else if (node.type === 'text') {
    if (!isPlaceholderText(node.value)) {
      for (const [url] of node.value.matchAll(BARE_URL)) links.push({ text: '', url });
    }
  } else if ('children' in node) {
    for (const child of node.children) collectLinks(child, links);
  }
}

function linkText(node: Nodes): string {
  return 'children' in node ? node.children.map(inlineText).join('').trim() : '';
}
