import { Readable } from 'node:stream';
import type { RequestHandler } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { exportFormats } from '$lib/server/exhibits/import/export';

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8'
};

/** The museum's exhibits as a file, streamed as it is read. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  const format = exportFormats.find((f) => f === url.searchParams.get('format')) ?? 'csv';
  const drafts = url.searchParams.get('drafts') === 'on';
  const body = await orNotFound(() =>
    locals.app.exhibitExport.stream(locals.staff?.actor ?? null, museumId, {
      format,
      drafts,
      locale: locals.locale
    })
  );
  const name = `exhibits-${museumId}${drafts ? '-with-drafts' : ''}.${format}`;
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      'content-type': types[format],
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store'
    }
  });
};
