import type { PageServerLoad } from './$types';
import { orNotFound } from '$lib/server/http/guards';
import { readAuditQuery } from '$lib/server/auth/audit-log';

/** The change log: filters in the URL, pages by the last id shown (never OFFSET). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = locals.staff?.actor ?? null;
  const { query, values, errors } = readAuditQuery(url.searchParams);
  return orNotFound(async () => {
    const [page, choices] = await Promise.all([
      locals.app.audit.page(actor, query, locals.locale),
      locals.app.audit.filterChoices(actor, locals.locale)
    ]);
    /** This page's filters with another `before`, or none for the newest entries. */
    const search = (before: number | null) => {
      const params = new URLSearchParams(url.searchParams);
      if (before === null) params.delete('before');
      else params.set('before', String(before));
      return params.size > 0 ? `?${params}` : '';
    };
    return {
      lines: page.lines,
      choices,
      values,
      errors,
      newer: query.before !== undefined ? search(null) : null,
      older: page.next !== null ? search(page.next) : null
    };
  });
};
