import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { saveExhibitForm } from '$lib/server/exhibits/form';
import type { SaveIntent } from '$lib/server/content/versions';
import type { Asset } from '$lib/server/media/repository';
import { mediaUrls, responsiveImage } from '$lib/server/media/responsive';
import { restoreVersionAction } from '$lib/server/content/restore-action';

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'museums' };
const intents: SaveIntent[] = ['draft', 'review', 'publish'];

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  const exhibitId = idParam(params.exhibitId);
  const actor = locals.staff?.actor ?? null;
  const editor = locals.app.exhibitEditor;
  const find = url.searchParams.get('find')?.trim().slice(0, 200) ?? '';
  return orNotFound(async () => {
    const [editing, history, library, museum, found] = await Promise.all([
      editor.open(actor, museumId, exhibitId),
      editor.history(actor, museumId, exhibitId),
      locals.app.media.list(actor, museumId, { kind: 'image', limit: 200 }),
      locals.app.editor.open(actor, museumId),
      find ? editor.list(actor, museumId, { q: find, limit: 10 }) : null
    ]);
    const urlOf = mediaUrls(locals.app.config.media.publicUrl);
    const choice = (a: Asset) => ({
      id: a.id,
      fileName: a.fileName,
      alt: a.alt[locals.locale] || a.alt.ru,
      needsAlt: !a.alt.ru,
      status: a.status,
      thumb: a.rendition ? responsiveImage(a.rendition, urlOf, a.focal) : null
    });
    const images = new Map([...library.assets, ...editing.assets].map((a) => [a.id, choice(a)]));
    const { assets, ...rest } = editing;
    return {
      museumId,
      exhibitId,
      museum: museum.record.name,
      editing: rest,
      history,
      images: [...images.values()],
      chosen: assets.map((a) => a.id),
      find,
      found: found?.exhibits.filter((e) => e.id !== exhibitId) ?? null
    };
  });
};

export const actions: Actions = {
  save: async ({ request, locals, params, setHeaders }) => {
    const museumId = idParam(params.id);
    const exhibitId = idParam(params.exhibitId);
    const form = await request.formData();
    const intent = intents.find((i) => i === form.get('intent')) ?? 'draft';
    const result = await orNotFound(() =>
      saveExhibitForm(
        locals.app.exhibitEditor,
        locals.staff?.actor ?? null,
        museumId,
        exhibitId,
        form,
        intent,
        locals.locale
      )
    );
    // Everything typed comes back, so nothing is lost; errors are keyed by the form's fields.
    if (!result.ok)
      return fail(400, {
        errors: result.errors,
        submitted: result.submitted,
        media: result.media
      });
    if (result.status === 'published') setHeaders(purge);
    return { saved: result.status };
  },
  approve: async ({ request, locals, params, setHeaders }) => {
    const museumId = idParam(params.id);
    const exhibitId = idParam(params.exhibitId);
    const revision = Number((await request.formData()).get('revision'));
    const result = await orNotFound(() =>
      locals.app.exhibitEditor.approve(locals.staff?.actor ?? null, museumId, exhibitId, revision)
    );
    if (!result.ok)
      return fail(400, {
        errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]])),
        submitted: null,
        media: null
      });
    setHeaders(purge);
    return { saved: 'published' as const };
  },
  sendBack: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const exhibitId = idParam(params.exhibitId);
    const form = await request.formData();
    await orNotFound(() =>
      locals.app.exhibitEditor.sendBack(
        locals.staff?.actor ?? null,
        museumId,
        exhibitId,
        Number(form.get('revision')),
        String(form.get('note') ?? '')
      )
    );
    return { sentBack: true };
  },
  restoreVersion: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const exhibitId = idParam(params.exhibitId);
    return restoreVersionAction(request, (revision, replacing) =>
      locals.app.exhibitEditor.restoreVersion(
        locals.staff?.actor ?? null,
        museumId,
        exhibitId,
        revision,
        replacing
      )
    );
  }
};
