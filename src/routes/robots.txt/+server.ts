import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
  new Response(
    `User-agent: *\nAllow: /\nDisallow: /reading\n\nSitemap: ${url.origin}/sitemap.xml\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'max-age=86400' }
    }
  );
