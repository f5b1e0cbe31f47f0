import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const actor = locals.staff?.actor ?? null;
  const owner = { kind: 'museum', museumId } as const;
  const [{ exhibitions, canCreate }, { record }] = await orNotFound(() =>
    Promise.all([
      locals.app.exhibitionEditor.list(actor, owner),
      locals.app.editor.open(actor, museumId)
    ])
  );
  return { museumId, exhibitions, canCreate, museum: record.name[locals.locale] };
};

export const actions: Actions = {
  create: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const form = await request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const input = { slug: text('slug'), title: { ru: text('title.ru'), en: text('title.en') } };
    const result = await orNotFound(() =>
      locals.app.exhibitionEditor.create(
        locals.staff?.actor ?? null,
        { kind: 'museum', museumId },
        input
      )
    );
    if (!result.ok)
      return fail(400, {
        errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]])),
        submitted: input
      });
    redirect(303, localizeHref(`/admin/museums/${museumId}/exhibitions/${result.id}`));
  }
};
