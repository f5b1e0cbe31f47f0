import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { localizeHref } from '$lib/i18n';

/** A page of the museum's exhibits, newest first; `after` is the last id of the page before. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  const actor = locals.staff?.actor ?? null;
  const q = url.searchParams.get('q')?.trim().slice(0, 200) ?? '';
  const after = Number(url.searchParams.get('after')) || undefined;
  const [{ exhibits, next, canCreate }, { record }] = await orNotFound(() =>
    Promise.all([
      locals.app.exhibitEditor.list(actor, museumId, { q, after }),
      locals.app.editor.open(actor, museumId)
    ])
  );
  return { museumId, exhibits, next, canCreate, q, paged: !!after, museum: record.name };
};

export const actions: Actions = {
  create: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const form = await request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const input = {
      inventoryNumber: text('inventoryNumber'),
      title: { ru: text('title.ru'), en: text('title.en') }
    };
    const result = await orNotFound(() =>
      locals.app.exhibitEditor.create(locals.staff?.actor ?? null, museumId, input)
    );
    if (!result.ok)
      return fail(400, {
        errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]])),
        submitted: input
      });
    redirect(303, localizeHref(`/admin/museums/${museumId}/exhibits/${result.id}`));
  }
};
