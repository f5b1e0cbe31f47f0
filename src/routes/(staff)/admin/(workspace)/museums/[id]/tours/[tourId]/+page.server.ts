import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { readTourForm } from '$lib/server/tours/form';
import type { TourIntent } from '$lib/server/tours/editor';
import type { Asset } from '$lib/server/media/repository';
import type { Actor } from '$lib/server/auth/access';
import type { MediaKind } from '$lib/server/media/types';
import { mediaUrls, responsiveImage } from '$lib/server/media/responsive';
import { tileUrlPattern } from '$lib/server/tours/directory';
import { restoreVersionAction } from '$lib/server/content/restore-action';

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'museums' };
const intents: TourIntent[] = ['draft', 'review', 'publish'];

/**
 * The museum's files a tour can use, by kind: ready panoramas for scenes (and those still being
 * tiled, to show as "processing…"), images for the floor plan and hotspots, audio for narration
 * and hotspots, videos and WebVTT captions for clips.
 */
async function library(locals: App.Locals, actor: Actor | null, museumId: number) {
  const list = async (kind: MediaKind, status?: 'ready') =>
    (await locals.app.media.list(actor, museumId, { kind, status, limit: 200 })).assets;
  const [panoramas, images, audio, videos, documents] = await Promise.all([
    list('panorama'),
    list('image', 'ready'),
    list('audio', 'ready'),
    list('video', 'ready'),
    list('document', 'ready')
  ]);
  const urlOf = mediaUrls(locals.app.config.media.publicUrl);
  const choice = (a: Asset) => ({
    id: a.id,
    fileName: a.fileName,
    alt: a.alt,
    // What the scene editor's viewer needs; null where the panorama has no tiles.
    panorama: a.tiles
      ? {
          base: {
            url: urlOf(a.tiles.base.key),
            width: a.tiles.base.width,
            height: a.tiles.base.height
          },
          tiles: {
            width: a.tiles.width,
            height: a.tiles.height,
            tileSize: a.tiles.tileSize,
            levels: a.tiles.levels,
            urlPattern: tileUrlPattern(urlOf, a.tiles.tileKeyPattern)
          }
        }
      : null
  });
  const named = (a: Asset) => ({ id: a.id, fileName: a.fileName });
  return {
    panoramas: panoramas.filter((a) => a.status === 'ready').map(choice),
    pending: panoramas.filter((a) => a.status === 'processing').map(named),
    files: [...images, ...audio].map((a) => ({ ...named(a), kind: a.kind })),
    images: images.map((a) => ({
      ...named(a),
      alt: a.alt,
      src: a.rendition ? responsiveImage(a.rendition, urlOf).src : urlOf(a.originalKey)
    })),
    audio: audio.map((a) => ({ ...named(a), url: urlOf(a.originalKey) })),
    videos: videos.map(named),
    captions: documents.filter((a) => a.mime === 'text/vtt').map(named)
  };
}

/** The tour as the form sent it, over the version being edited (for what the form leaves out). */
async function readSubmitted(
  locals: App.Locals,
  actor: Actor | null,
  museumId: number,
  tourId: number,
  form: FormData
) {
  const [{ record }, files] = await Promise.all([
    locals.app.tourEditor.open(actor, museumId, tourId),
    library(locals, actor, museumId)
  ]);
  return readTourForm(form, record, files.panoramas);
}

export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const tourId = idParam(params.tourId);
  const actor = locals.staff?.actor ?? null;
  const editor = locals.app.tourEditor;
  return orNotFound(async () => {
    const [editing, history, files, museum] = await Promise.all([
      editor.open(actor, museumId, tourId),
      editor.history(actor, museumId, tourId),
      library(locals, actor, museumId),
      locals.app.editor.open(actor, museumId)
    ]);
    return {
      museumId,
      tourId,
      editing,
      history,
      library: files,
      museum: museum.record.name,
      maxUploadBytes: locals.app.media.limits.maxUploadBytes
    };
  });
};

export const actions: Actions = {
  save: async ({ request, locals, params, setHeaders }) => {
    const museumId = idParam(params.id);
    const tourId = idParam(params.tourId);
    const actor = locals.staff?.actor ?? null;
    const form = await request.formData();
    const intent = intents.find((i) => i === form.get('intent')) ?? 'draft';
    return orNotFound(async () => {
      const input = await readSubmitted(locals, actor, museumId, tourId, form);
      const result = await locals.app.tourEditor.save(actor, museumId, tourId, input, intent);
      // The tour as typed comes back, so nothing is lost; errors are keyed by its field paths.
      if (!result.ok)
        return fail(400, {
          errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]])),
          draft: input
        });
      if (result.status === 'published') setHeaders(purge);
      return { saved: result.status };
    });
  },
  /**
   * The form's arranging buttons without JavaScript (the route's up, down, add and remove, "remove
   * the plan"): the form comes back as read, with the change made and nothing saved.
   */
  arrange: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const tourId = idParam(params.tourId);
    const actor = locals.staff?.actor ?? null;
    const form = await request.formData();
    return orNotFound(async () => ({
      arranged: true,
      errors: {},
      draft: await readSubmitted(locals, actor, museumId, tourId, form)
    }));
  },
  approve: async ({ request, locals, params, setHeaders }) => {
    const museumId = idParam(params.id);
    const tourId = idParam(params.tourId);
    const revision = Number((await request.formData()).get('revision'));
    const result = await orNotFound(() =>
      locals.app.tourEditor.approve(locals.staff?.actor ?? null, museumId, tourId, revision)
    );
    if (!result.ok)
      return fail(400, {
        errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]])),
        draft: null
      });
    setHeaders(purge);
    return { saved: 'published' as const };
  },
  sendBack: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const tourId = idParam(params.tourId);
    const form = await request.formData();
    await orNotFound(() =>
      locals.app.tourEditor.sendBack(
        locals.staff?.actor ?? null,
        museumId,
        tourId,
        Number(form.get('revision')),
        String(form.get('note') ?? '')
      )
    );
    return { sentBack: true };
  },
  restoreVersion: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const tourId = idParam(params.tourId);
    return restoreVersionAction(request, (revision, replacing) =>
      locals.app.tourEditor.restoreVersion(
        locals.staff?.actor ?? null,
        museumId,
        tourId,
        revision,
        replacing
      )
    );
  }
};
