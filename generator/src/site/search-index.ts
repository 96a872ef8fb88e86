/**
 * A module's search index (MiniSearch, as VitePress's local search uses): titles, headings and
 * summaries of its pages, split into words by `searchWords`. One index per module keeps what a
 * reader downloads to the module they search, and makes search scoped by module.
 */
import MiniSearch from 'minisearch';
import type { RenderedPage } from './render-page.js';
import { searchWords } from './words.js';

export interface IndexedPage {
  /** Path from the module's root, e.g. `operations/x.html`. */
  readonly id: string;
  readonly kind: string;
  readonly page: Pick<RenderedPage, 'title' | 'summary' | 'headings'>;
}

/** Fields and options the page script must load the index with (templates/site/site.js). */
export const SEARCH_FIELDS = ['title', 'headings', 'summary'];
export const STORED_FIELDS = ['title', 'kind'];

export function buildSearchIndex(pages: readonly IndexedPage[]): string {
  const index = new MiniSearch({ fields: SEARCH_FIELDS, storeFields: STORED_FIELDS, tokenize: searchWords });
  index.addAll(pages.map(({ id, kind, page }) => ({ id, kind, title: page.title, headings: page.headings.join(' \n'), summary: page.summary })));
  return JSON.stringify(index);
}
