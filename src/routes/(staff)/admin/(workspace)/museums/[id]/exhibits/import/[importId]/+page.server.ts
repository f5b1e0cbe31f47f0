import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { localizeHref } from '$lib/i18n';
import { importFields } from '$lib/server/exhibits/import/mapping';
import { textEncodings } from '$lib/server/exhibits/import/encoding';
import { rowOutcomes } from '$lib/server/exhibits/import/repository';

const pageSize = 50;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  const importId = idParam(params.importId);
  const actor = locals.staff?.actor ?? null;
  const found = await orNotFound(() => locals.app.importer.open(actor, museumId, importId));
  const remap =
    url.searchParams.get('step') === 'mapping' && ['previewed', 'failed'].includes(found.status);
  const mapping = found.status === 'mapping' || remap;
  const outcome = rowOutcomes.find((o) => o === url.searchParams.get('outcome'));
  const after = Number(url.searchParams.get('after')) || 0;
  const rows = mapping
    ? null
    : await locals.app.importer.rows(actor, museumId, importId, {
        outcome,
        after,
        limit: pageSize
      });
  return {
    museumId,
    importId,
    fileName: found.fileName,
    imagesName: found.imagesName,
    status: found.status,
    /** What a run by this person does: publish at once or send for review. */
    mode:
      found.status === 'done' || found.status === 'running' ? (found.mode ?? 'review') : found.mode,
    format: found.format,
    encoding: found.encoding,
    encodings: textEncodings,
    headers: found.headers,
    columns: found.mapping.map((f) => f ?? ''),
    fields: importFields,
    sample: mapping ? await locals.app.importer.sample(actor, museumId, importId) : [],
    step: mapping ? ('mapping' as const) : ('rows' as const),
    counts: found.counts,
    total: found.totalRows,
    processed: found.processedRows,
    error: found.error,
    filter: { outcome: outcome ?? null, after },
    rows:
      rows?.rows.map((r) => ({
        ...r,
        issues: r.issues.map((i) => ({
          level: i.level,
          field: i.field,
          message: i.message[locals.locale]
        }))
      })) ?? [],
    next: rows?.next ?? null
  };
};

export const actions: Actions = {
  /** The mapping as chosen: saved, then every row is checked; nothing is written to exhibits. */
  preview: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const importId = idParam(params.importId);
    const form = await request.formData();
    const columns = Number(form.get('columns')) || 0;
    const mapping = Array.from({ length: Math.min(columns, 500) }, (_, i) =>
      String(form.get(`column.${i}`) ?? '')
    );
    const encoding = String(form.get('encoding') ?? '') || undefined;
    const result = await orNotFound(() =>
      locals.app.importer.preview(locals.staff?.actor ?? null, museumId, importId, {
        mapping,
        encoding
      })
    );
    if (!result.ok) return fail(400, { missing: result.missing, mapping, encoding });
    redirect(303, localizeHref(`/admin/museums/${museumId}/exhibits/import/${importId}`));
  },
  /** Starts the job; the page then shows its progress. */
  start: async ({ locals, params }) => {
    const museumId = idParam(params.id);
    const importId = idParam(params.importId);
    await orNotFound(() =>
      locals.app.importer.start(locals.staff?.actor ?? null, museumId, importId)
    );
    redirect(303, localizeHref(`/admin/museums/${museumId}/exhibits/import/${importId}`));
  },
  /** Removes an import that has not run (or failed) and its staged files. */
  cancel: async ({ locals, params }) => {
    const museumId = idParam(params.id);
    const importId = idParam(params.importId);
    const result = await orNotFound(() =>
      locals.app.importer.cancel(locals.staff?.actor ?? null, museumId, importId)
    );
    // Queued or run meanwhile: the page shows what it is now.
    if (!result.cancelled)
      redirect(303, localizeHref(`/admin/museums/${museumId}/exhibits/import/${importId}`));
    redirect(303, localizeHref(`/admin/museums/${museumId}/exhibits/import`));
  }
};
