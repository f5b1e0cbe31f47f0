import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { readExhibitionForm } from '$lib/server/exhibitions/form';
import type { SaveIntent } from '$lib/server/content/versions';
import type { Actor } from '$lib/server/auth/access';
import type { MediaKind } from '$lib/server/media/types';
import { mediaUrls, responsiveImage } from '$lib/server/media/responsive';

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'museums' };
const intents: SaveIntent[] = ['draft', 'review', 'publish'];

/** What the blocks can show: the museum's ready files by kind, and its exhibits. */
async function library(locals: App.Locals, actor: Actor | null, museumId: number) {
  const list = async (kind: MediaKind) =>
    (await locals.app.media.list(actor, museumId, { kind, status: 'ready', limit: 200 })).assets;
  const [images, audio, videos, documents, exhibits] = await Promise.all([
    list('image'),
    list('audio'),
    list('video'),
    list('document'),
    locals.app.exhibitEditor.list(actor, museumId, { limit: 200 })
  ]);
  const urlOf = mediaUrls(locals.app.config.media.publicUrl);
  const named = (a: { id: number; fileName: string }) => ({ id: a.id, fileName: a.fileName });
  return {
    images: images.map((a) => ({
      ...named(a),
      src: a.rendition ? responsiveImage(a.rendition, urlOf).src : urlOf(a.originalKey)
    })),
    audio: audio.map(named),
    videos: videos.map(named),
    captions: documents.filter((a) => a.mime === 'text/vtt').map(named),
    exhibits: exhibits.exhibits.map((e) => ({
      id: e.id,
      label: `${e.inventoryNumber} — ${e.title[locals.locale] || e.title.ru}`,
      published: e.publishedAt !== null
    }))
  };
}

const owner = (museumId: number) => ({ kind: 'museum', museumId }) as const;

export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const exhibitionId = idParam(params.exhibitionId);
  const actor = locals.staff?.actor ?? null;
  const editor = locals.app.exhibitionEditor;
  return orNotFound(async () => {
    const [editing, history, files, museum] = await Promise.all([
      editor.open(actor, owner(museumId), exhibitionId),
      editor.history(actor, owner(museumId), exhibitionId),
      library(locals, actor, museumId),
      locals.app.editor.open(actor, museumId)
    ]);
    return {
      base: `/admin/museums/${museumId}`,
      ownerName: museum.record.name[locals.locale],
      exhibitionId,
      editing,
      history,
      library: files
    };
  });
};

export const actions: Actions = {
  save: async ({ request, locals, params, setHeaders }) => {
    const museumId = idParam(params.id);
    const exhibitionId = idParam(params.exhibitionId);
    const actor = locals.staff?.actor ?? null;
    const form = await request.formData();
    const intent = intents.find((i) => i === form.get('intent')) ?? 'draft';
    return orNotFound(async () => {
      const editor = locals.app.exhibitionEditor;
      const { record } = await editor.open(actor, owner(museumId), exhibitionId);
      const { input, arranged } = readExhibitionForm(form, record);
      // Adding, moving or removing a block only rearranges the form; saving is a separate press.
      if (arranged) return { draft: input, arranged: true };
      const result = await editor.save(actor, owner(museumId), exhibitionId, input, intent);
      // The exhibition as typed comes back, so nothing is lost; errors are keyed by field path.
      if (!result.ok)
        return fail(400, {
          errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]])),
          draft: input
        });
      if (result.status === 'published') setHeaders(purge);
      return { saved: result.status };
    });
  },
  approve: async ({ request, locals, params, setHeaders }) => {
    const museumId = idParam(params.id);
    const exhibitionId = idParam(params.exhibitionId);
    const revision = Number((await request.formData()).get('revision'));
    const result = await orNotFound(() =>
      locals.app.exhibitionEditor.approve(
        locals.staff?.actor ?? null,
        owner(museumId),
        exhibitionId,
        revision
      )
    );
    if (!result.ok)
      return fail(400, {
        errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]]))
      });
    setHeaders(purge);
    return { saved: 'published' as const };
  },
  sendBack: async ({ request, locals, params }) => {
    const museumId = idParam(params.id);
    const exhibitionId = idParam(params.exhibitionId);
    const form = await request.formData();
    await orNotFound(() =>
      locals.app.exhibitionEditor.sendBack(
        locals.staff?.actor ?? null,
        owner(museumId),
        exhibitionId,
        Number(form.get('revision')),
        String(form.get('note') ?? '')
      )
    );
    return { sentBack: true };
  }
};
