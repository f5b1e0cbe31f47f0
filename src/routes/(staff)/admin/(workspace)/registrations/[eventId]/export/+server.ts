import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { idParam, orNotFound } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

/** The registrants as CSV or XLSX, for the organiser's staff. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const eventId = idParam(params.eventId);
  const format = url.searchParams.get('format');
  if (format !== 'csv' && format !== 'xlsx') error(404, 'Not found');
  const file = await orNotFound(() =>
    locals.app.registrations.exportFile(locals.staff?.actor ?? null, eventId, format, locals.locale)
  );
  const type =
    format === 'csv'
      ? 'text/csv; charset=utf-8'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new Response(Readable.toWeb(file) as ReadableStream, {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="registrations-${eventId}.${format}"`,
      'cache-control': 'private, no-store'
    }
  });
};
