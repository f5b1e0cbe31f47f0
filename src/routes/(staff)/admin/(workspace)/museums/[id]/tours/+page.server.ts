import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { localizeHref } from '$lib/i18n';
import { associationTimeZone, formatWhen } from '$lib/server/auth/audit-lines';

const purge = { 'x-kraeved-purge': 'museums' };

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  const actor = locals.staff?.actor ?? null;
  const [{ tours, canCreate, canDelete }, deleted, { record }] = await orNotFound(() =>
    Promise.all([
      locals.app.tourEditor.list(actor, museumId),
      locals.app.tourEditor.deleted(actor, museumId),
      locals.app.editor.open(actor, museumId)
    ])
  );
  // "Delete…" asks first, on this page: ?delete=<id> shows the question for that tour.
  const asked = Number(url.searchParams.get('delete'));
  const confirming = canDelete ? (tours.find((t) => t.id === asked) ?? null) : null;
  const when = (iso: string) =>
    formatWhen(new Date(iso), associationTimeZone, locals.locale, locals.app.clock());
  return {
    museumId,
    tours,
    canCreate,
    canDelete,
    confirming,
    deleted: deleted.tours.map((t) => ({
      id: t.id,
      title: t.title,
      deletedBy: t.deletedBy,
      deletedWhen: when(t.deletedAt),
      restorableUntil: when(t.restorableUntil)
    })),
    canRestore: deleted.canRestore,
    museum: record.name[locals.locale]
  };
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
  },
  delete: async ({ request, locals, params, setHeaders }) => {
    const museumId = idParam(params.id);
    const tourId = idParam(String((await request.formData()).get('tour')));
    const { title } = await orNotFound(() =>
      locals.app.tourEditor.delete(locals.staff?.actor ?? null, museumId, tourId)
    );
    setHeaders(purge);
    return { deleted: title[locals.locale] };
  },
  restore: async ({ request, locals, params, setHeaders }) => {
    const museumId = idParam(params.id);
    const tourId = idParam(String((await request.formData()).get('tour')));
    const { title } = await orNotFound(() =>
      locals.app.tourEditor.restore(locals.staff?.actor ?? null, museumId, tourId)
    );
    setHeaders(purge);
    return { restored: title[locals.locale] };
  }
};
