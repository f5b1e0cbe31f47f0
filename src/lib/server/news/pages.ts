import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { newsListPath } from '$lib/shared/news';
import { newsFeed, feedContentType, type FeedFormat } from './feeds';
import { readCursor } from './directory';
import { newsJsonLd } from './json-ld';

/**
 * The visitors' news pages and feeds, shared by the three places news is listed: everything
 * (`/news`), a museum's (`/museums/<slug>/news`) and the association's (`/association/news`).
 * `museumSlug`: undefined for everything, null for the association's.
 */
type Locals = App.Locals;

/** The owner's name for headings and feed titles; a 404 for a museum that is not there. */
async function ownerTitle(locals: Locals, museumSlug: string | null | undefined) {
  const locale = locals.locale;
  if (museumSlug === undefined) return m.news_title({}, { locale });
  if (museumSlug === null) return m.news_of_association({}, { locale });
  const name = await locals.app.news.museumName(museumSlug, locale);
  if (name === null) error(404, 'Not found');
  return m.news_of_named({ name }, { locale });
}

/** A list page: a page of cards after the cursor, and on /news the filters by museum and tag. */
export async function newsListPage(
  locals: Locals,
  url: URL,
  museumSlug: string | null | undefined
) {
  const title = await ownerTitle(locals, museumSlug);
  const tag = url.searchParams.get('tag')?.trim() || null;
  const museum =
    museumSlug === undefined ? url.searchParams.get('museum') || undefined : museumSlug;
  const after = readCursor(url.searchParams.get('after'));
  const [list, filters] = await Promise.all([
    locals.app.news.list({ museumSlug: museum, tag }, locals.locale, { after }),
    museumSlug === undefined ? locals.app.news.filters(locals.locale) : Promise.resolve(null)
  ]);
  const next = new URLSearchParams(url.searchParams);
  if (list.next) next.set('after', list.next);
  return {
    title,
    path: newsListPath(museumSlug),
    museumSlug: museumSlug ?? null,
    items: list.items,
    nextHref: list.next ? `${url.pathname}?${next}` : null,
    isFirstPage: after === null,
    filters,
    chosen: { tag, museum: museum ?? null }
  };
}

/** A news item's page with its schema.org NewsArticle. */
export async function newsItemPage(
  locals: Locals,
  url: URL,
  museumSlug: string | null,
  slug: string
) {
  const item = await locals.app.news.page(museumSlug, slug, locals.locale);
  if (!item) error(404, 'Not found');
  const publisher = (await locals.app.association.about(locals.locale))?.name ?? '';
  return {
    item,
    jsonLd: newsJsonLd(item, url.origin + url.pathname, publisher, url.origin)
  };
}

/** RSS or Atom of an owner's published news (or everything), links from the configured ORIGIN. */
export async function newsFeedResponse(
  locals: Locals,
  museumSlug: string | null | undefined,
  format: FeedFormat
): Promise<Response> {
  const locale = locals.locale;
  const title = await ownerTitle(locals, museumSlug);
  const publisher =
    (await locals.app.association.about(locale))?.name ?? m.site_name({}, { locale });
  const items = await locals.app.news.forFeed({ museumSlug }, locale);
  const body = newsFeed(
    {
      title: `${title} — ${m.site_name({}, { locale })}`,
      description: m.news_feed_description({ title }, { locale }),
      path: newsListPath(museumSlug),
      locale,
      origin: locals.app.config.origin,
      publisher,
      now: locals.app.clock()
    },
    items,
    format
  );
  return new Response(body, { headers: { 'content-type': feedContentType[format] } });
}
