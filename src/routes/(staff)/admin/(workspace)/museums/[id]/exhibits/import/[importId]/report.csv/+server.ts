import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { RequestHandler } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { escapeFormula } from '$lib/server/exhibits/import/export';
import { m } from '$lib/paraglide/messages';
import { importFieldLabel } from '$lib/components/exhibits/import-labels';

/** The rows with errors and warnings, one line per problem, as CSV Excel opens in Russian too. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const importId = idParam(params.importId);
  const actor = locals.staff?.actor ?? null;
  const found = await orNotFound(() => locals.app.importer.open(actor, museumId, importId));
  const locale = locals.locale;
  const header = [
    m.import_report_line({}, { locale }),
    m.import_report_inventory({}, { locale }),
    m.import_report_title({}, { locale }),
    m.import_report_level({}, { locale }),
    m.import_report_field({}, { locale }),
    m.import_report_message({}, { locale })
  ];
  const level = {
    error: m.import_report_error({}, { locale }),
    warning: m.import_report_warning({}, { locale })
  };
  async function* lines() {
    yield header;
    for await (const batch of locals.app.importer.report(actor, museumId, importId))
      for (const row of batch)
        for (const issue of row.issues)
          yield [
            String(row.line),
            row.inventoryNumber,
            row.title,
            level[issue.level],
            importFieldLabel(issue.field),
            issue.message[locale]
          ].map(escapeFormula);
  }
  const csv = Readable.from(lines()).pipe(
    stringify({ bom: true, delimiter: locale === 'ru' ? ';' : ',', record_delimiter: 'windows' })
  );
  const name = `${found.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-')}-report.csv`;
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store'
    }
  });
};
