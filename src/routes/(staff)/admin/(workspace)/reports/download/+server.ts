import { Readable } from 'node:stream';
import type { RequestHandler } from './$types';
import { orNotFound } from '$lib/server/http/guards';
import { reportFile, reportFormats } from '$lib/server/reports/files';
import { reportRequest } from '$lib/server/reports/pages';

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** The report shown on the page, as CSV or XLSX. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const format = reportFormats.find((f) => f === url.searchParams.get('format')) ?? 'csv';
  const asked = await reportRequest(locals, url);
  const report = await orNotFound(() =>
    locals.app.reports.report(locals.staff?.actor ?? null, asked.owner, asked.period, locals.locale)
  );
  const who = asked.owner.kind === 'museum' ? `museum-${asked.owner.museumId}` : 'association';
  const name = `report-${who}-${asked.period.from}-${asked.period.to}.${format}`;
  return new Response(Readable.toWeb(reportFile(report, format, locals.locale)) as ReadableStream, {
    headers: {
      'content-type': types[format],
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store'
    }
  });
};
