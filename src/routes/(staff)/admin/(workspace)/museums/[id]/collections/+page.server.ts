import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { FormFields } from '$lib/server/forms/fields';

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'museums' };

export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const actor = locals.staff?.actor ?? null;
  const [collections, images, museum] = await orNotFound(() =>
    Promise.all([
      locals.app.exhibitEditor.collections(actor, museumId),
      locals.app.media.list(actor, museumId, { kind: 'image', status: 'ready', limit: 200 }),
      locals.app.editor.open(actor, museumId)
    ])
  );
  return {
    museumId,
    museum: museum.record.name,
    collections,
    covers: images.assets.map((a) => ({ id: a.id, fileName: a.fileName }))
  };
};

export const actions: Actions = {
  save: async ({ request, locals, params, setHeaders }) => {
    const museumId = idParam(params.id);
    const f = new FormFields(await request.formData());
    const collectionId = Number(f.text('collectionId')) || null;
    const input = {
      slug: f.text('slug'),
      title: { ru: f.text('title.ru'), en: f.text('title.en') },
      description: { ru: f.text('description.ru'), en: f.text('description.en') },
      coverAssetId: Number(f.text('coverAssetId')) || null
    };
    const result = await orNotFound(() =>
      locals.app.exhibitEditor.saveCollection(
        locals.staff?.actor ?? null,
        museumId,
        collectionId,
        input
      )
    );
    // The form that was sent says which collection the errors and the typed text belong to.
    if (!result.ok)
      return fail(400, {
        collectionId,
        errors: f.messages(result.errors, locals.locale),
        submitted: f.submitted()
      });
    setHeaders(purge);
    return { collectionId, saved: collectionId ? ('edited' as const) : ('created' as const) };
  }
};
