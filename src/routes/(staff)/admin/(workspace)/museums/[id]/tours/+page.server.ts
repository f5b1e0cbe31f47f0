import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const actor = locals.staff?.actor ?? null;
  const [{ tours, canCreate }, { record }] = await orNotFound(() =>
    Promise.all([
      locals.app.tourEditor.list(actor, museumId),
      locals.app.editor.open(actor, museumId)
    ])
  );
  return { museumId, tours, canCreate, museum: record.name[locals.locale] };
};

export const actions: Actions = {
  create: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const form = await request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const input = {
      slug: text('slug'),
      title: { ru: text('title.ru'), en: text('title.en') }
    };
    const result = await orNotFound(() =>
      locals.app.tourEditor.create(locals.staff?.actor ?? null, museumId, input)
    );
    if (!result.ok) {
      const errors = Object.fromEntries(
        result.errors.map((e) => [e.field, e.message[locals.locale]])
      );
      return fail(400, { errors, submitted: { slug: input.slug, title: input.title } });
    }
    redirect(303, localizeHref(`/admin/museums/${museumId}/tours/${result.id}`));
  }
};
