import type { RequestHandler } from './$types';
import { localizeHref } from '$lib/i18n';

const staticPaths = [
  '/',
  '/museums',
  '/association',
  '/association/governance',
  '/association/members',
  '/association/projects'
];

/** Every public page in both languages, each with its alternate, for search engines. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const museums = await locals.app.museums.sitemapEntries();
  const entries = [
    ...staticPaths.map((path) => ({ path, lastmod: null as string | null })),
    ...museums.map((m) => ({ path: `/museums/${m.slug}`, lastmod: m.updatedAt }))
  ];
  const abs = (path: string, locale: 'ru' | 'en') => url.origin + localizeHref(path, { locale });
  const urls = entries.flatMap(({ path, lastmod }) =>
    (['ru', 'en'] as const).map(
      (locale) => `  <url>
    <loc>${escapeXml(abs(path, locale))}</loc>${lastmod ? `\n    <lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}
    <xhtml:link rel="alternate" hreflang="ru" href="${escapeXml(abs(path, 'ru'))}"/>
    <xhtml:link rel="alternate" hreflang="en" href="${escapeXml(abs(path, 'en'))}"/>
  </url>`
    )
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
  return new Response(body, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'max-age=3600' }
  });
};

function escapeXml(value: string) {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
