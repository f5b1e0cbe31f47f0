import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { NotFoundOrForbidden } from '$lib/server/auth/access';
import { saveMuseumForm } from '$lib/server/museums/form';
import type { Change, Intent } from '$lib/server/museums/editor';
import type { Asset } from '$lib/server/media/repository';
import { mediaUrls, responsiveImage } from '$lib/server/media/responsive';

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'museums' };

function museumId(param: string): number {
  const id = Number(param);
  if (!Number.isInteger(id) || id <= 0) error(404, 'Not found');
  return id;
}

/** "Not found or no access" becomes a plain 404: another museum's page looks like no page. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof NotFoundOrForbidden) error(404, 'Not found');
    throw e;
  }
}

export const load: PageServerLoad = async ({ locals, params }) => {
  const id = museumId(params.id);
  const actor = locals.staff?.actor ?? null;
  return guarded(async () => {
    const editing = await locals.app.editor.open(actor, id);
    return {
      museumId: id,
      editing: { ...editing, changes: await namePhotos(locals, id, editing.changes) },
      history: await locals.app.editor.history(actor, id),
      photos: await photoChoices(locals, id, editing.record.photos)
    };
  });
};

/** In the list of changes, photos by their file names rather than their numbers. */
async function namePhotos(locals: App.Locals, museumId: number, changes: Change[]) {
  const photos = changes.find((c) => c.field === 'photos');
  if (!photos) return changes;
  const ids = `${photos.before}, ${photos.after}`.match(/\d+/g)?.map(Number) ?? [];
  const names = new Map(
    (await locals.app.media.assetsOf(museumId, ids)).map((a) => [`#${a.id}`, a.fileName])
  );
  const named = (list: string) => list.replace(/#\d+/g, (id) => names.get(id) ?? id);
  return changes.map((c) =>
    c === photos ? { ...c, before: named(c.before), after: named(c.after) } : c
  );
}

/** The gallery as the form shows it: the chosen photos in order, then the library's other images. */
async function photoChoices(locals: App.Locals, museumId: number, chosen: number[]) {
  const { media, config } = locals.app;
  const urlOf = mediaUrls(config.media.publicUrl);
  const [picked, library] = await Promise.all([
    media.assetsOf(museumId, chosen),
    media.list(locals.staff?.actor ?? null, museumId, { kind: 'image', limit: 60 })
  ]);
  const byId = new Map(picked.map((a) => [a.id, a]));
  const view = (a: Asset) => ({
    id: a.id,
    fileName: a.fileName,
    alt: a.alt[locals.locale],
    needsAlt: !a.alt.ru || !a.alt.en,
    status: a.status,
    thumb: a.rendition ? responsiveImage(a.rendition, urlOf, a.focal) : null
  });
  return {
    shown: chosen.flatMap((assetId) => {
      const asset = byId.get(assetId);
      return asset ? [view(asset)] : [];
    }),
    others: library.assets.filter((a) => !chosen.includes(a.id)).map(view)
  };
}

const intents: Intent[] = ['draft', 'review', 'publish'];

export const actions: Actions = {
  save: async ({ request, locals, params, setHeaders }) => {
    const id = museumId(params.id);
    const actor = locals.staff?.actor ?? null;
    const form = await request.formData();
    const intent = intents.find((i) => i === form.get('intent')) ?? 'draft';
    return guarded(async () => {
      const result = await saveMuseumForm(
        locals.app.editor,
        actor,
        id,
        form,
        intent,
        locals.locale
      );
      // Everything typed comes back, so nothing is lost on an error.
      if (!result.ok) return fail(400, { errors: result.errors, submitted: result.submitted });
      if (result.status === 'published') setHeaders(purge);
      return { saved: result.status };
    });
  },
  approve: async ({ request, locals, params, setHeaders }) => {
    const id = museumId(params.id);
    const revision = Number((await request.formData()).get('revision'));
    const result = await guarded(() =>
      locals.app.editor.approve(locals.staff?.actor ?? null, id, revision)
    );
    if (!result.ok) {
      const errors = Object.fromEntries(
        result.errors.map((e) => [e.field, e.message[locals.locale]])
      );
      return fail(400, { errors, submitted: null });
    }
    setHeaders(purge);
    return { saved: 'published' as const };
  },
  sendBack: async ({ request, locals, params }) => {
    const id = museumId(params.id);
    const form = await request.formData();
    await guarded(() =>
      locals.app.editor.sendBack(
        locals.staff?.actor ?? null,
        id,
        Number(form.get('revision')),
        String(form.get('note') ?? '')
      )
    );
    return { saved: 'draft' as const };
  },
  restore: async ({ request, locals, params }) => {
    const id = museumId(params.id);
    const revision = Number((await request.formData()).get('revision'));
    await guarded(() => locals.app.editor.restore(locals.staff?.actor ?? null, id, revision));
    return { saved: 'draft' as const };
  }
};
