/**
 * Paging through Graph collections. A collection answers one page at a time: its items in
 * `value` and, while more remain, the next page's URL in `@odata.nextLink` (`odataNextLink`);
 * a delta function's last page carries `@odata.deltaLink` (`odataDeltaLink`) instead, for the
 * next round of changes. These helpers follow the links with the same request builder, so
 * each page is sent, retried and deserialized like the first one.
 *
 * ```ts
 * for await (const application of iterateItems(client.applications, { queryParameters: { top: 100 } })) {
 *   console.log(application.displayName);
 * }
 * ```
 */
import type { RequestConfiguration, RequestOption } from '@microsoft/kiota-abstractions';

/** One page of a collection, as every `…CollectionResponse` and delta response model has it. */
export interface CollectionPage<Item> {
  /** This page's items. */
  value?: Item[] | null;
  /** The next page's URL (`@odata.nextLink`), while more remain. */
  odataNextLink?: string | null;
  /** A delta query's last page: the URL that asks for the next changes (`@odata.deltaLink`). */
  odataDeltaLink?: string | null;
}

/**
 * A request builder whose `get` returns pages: every collection builder of the client
 * (`client.applications`), or a delta function's.
 */
export interface PageableRequestBuilder<Page extends CollectionPage<unknown>> {
  /** Sends the request for a page. */
  get(requestConfiguration?: RequestConfiguration<object>): Promise<Page | undefined>;
  /** The same builder aimed at a URL as given (a next or delta link). */
  withUrl(rawUrl: string): PageableRequestBuilder<Page>;
  /** The first request without sending it: its origin is the one every next link must keep. */
  toGetRequestInformation(requestConfiguration?: RequestConfiguration<object>): { readonly URL: string };
}

/** `https://graph.microsoft.com` of an absolute URL (scheme and authority, lower case); undefined for anything else. */
function originOf(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0].toLowerCase();
}

/** A stop signal: an `AbortSignal`, or anything with `aborted`. */
export interface StopSignal {
  /** True once the caller wants no more pages. */
  readonly aborted: boolean;
}

/** The item type of a page type. */
type ItemOf<Page> = Page extends CollectionPage<infer Item> ? Item : never;

/**
 * The next pages keep the first request's headers (`ConsistencyLevel`, `Prefer`) and request
 * options; the query is in the link already, so the query parameters are not sent again.
 */
function nextPageConfiguration(first: RequestConfiguration<object> | undefined): RequestConfiguration<object> | undefined {
  if (!first) return undefined;
  const next: { headers?: Record<string, string | string[]>; options?: RequestOption[] } = {};
  if (first.headers !== undefined) next.headers = first.headers;
  if (first.options !== undefined) next.options = first.options;
  return next;
}

/**
 * Every page of a collection, first to last, following `@odata.nextLink`.
 * @param builder The collection's request builder, e.g. `client.applications`.
 * @param requestConfiguration The first request's query parameters, headers and options.
 * @param signal Stops before the next page is requested once aborted.
 */
export async function* iteratePages<Page extends CollectionPage<unknown>>(
  builder: PageableRequestBuilder<Page>,
  requestConfiguration?: RequestConfiguration<object>,
  signal?: StopSignal,
): AsyncGenerator<Page, void, undefined> {
  const origin = originOf(builder.toGetRequestInformation(requestConfiguration).URL);
  let page = await builder.get(requestConfiguration);
  const seen = new Set<string>();
  while (page) {
    yield page;
    const next = page.odataNextLink;
    if (!next || signal?.aborted) return;
    // the request adapter authenticates whatever URL it is given: a link elsewhere would take the token along
    if (originOf(next) !== origin) throw new Error(`the collection's @odata.nextLink leads to another origin than ${origin ?? 'the first request'}: not followed (${originOf(next) ?? next})`);
    // a service that hands back the same link would loop for ever
    if (seen.has(next)) throw new Error(`the collection returned the same @odata.nextLink twice: ${next}`);
    seen.add(next);
    page = await builder.withUrl(next).get(nextPageConfiguration(requestConfiguration));
  }
}

/**
 * Every item of a collection, across pages, one request per page as the loop asks for them.
 * @param builder The collection's request builder, e.g. `client.applications`.
 * @param requestConfiguration The first request's query parameters (`top` sets the page size), headers and options.
 * @param signal Stops before the next page is requested once aborted.
 */
export async function* iterateItems<Page extends CollectionPage<unknown>>(
  builder: PageableRequestBuilder<Page>,
  requestConfiguration?: RequestConfiguration<object>,
  signal?: StopSignal,
): AsyncGenerator<ItemOf<Page>, void, undefined> {
  for await (const page of iteratePages(builder, requestConfiguration, signal)) {
    for (const item of page.value ?? []) yield item as ItemOf<Page>;
  }
}

/**
 * The `@odata.deltaLink` a delta query ends with, after reading every page: keep it and pass it
 * to `builder.withUrl(deltaLink)` next time to get only what changed since.
 */
export async function lastDeltaLink<Page extends CollectionPage<unknown>>(
  builder: PageableRequestBuilder<Page>,
  onItem: (item: ItemOf<Page>) => void,
  requestConfiguration?: RequestConfiguration<object>,
): Promise<string | undefined> {
  let deltaLink: string | undefined;
  for await (const page of iteratePages(builder, requestConfiguration)) {
    for (const item of page.value ?? []) onItem(item as ItemOf<Page>);
    deltaLink = page.odataDeltaLink ?? deltaLink;
  }
  return deltaLink;
}
