import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n';
import type { ExhibitionRecord } from '$lib/shared/exhibition';
import type { Actor } from '../auth/access';
import type { SaveIntent } from '../content/versions';
import { idParam, orNotFound } from '../http/guards';
import type { Asset } from '../media/repository';
import { mediaUrls, responsiveImage } from '../media/responsive';
import type { MediaKind } from '../media/types';
import { exhibitionAssets } from './checks';
import type { ExhibitionOwner } from './editor';
import { readExhibitionForm } from './form';
import { pastVersion, restoreVersionAction } from '../content/restore-action';

/**
 * The staff pages of exhibitions, for either owner: a museum's (`/admin/museums/[id]/exhibitions`)
 * and the association's (`/admin/association/exhibitions`). Routes name the owner and where its
 * pages live; everything else is the same.
 */
export interface ExhibitionPlace {
  owner: ExhibitionOwner;
  /** The owner's staff page: `/admin/museums/3` or `/admin/association`. */
  base: string;
}

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'museums' };
const intents: SaveIntent[] = ['draft', 'review', 'publish'];

type Locals = App.Locals;
const actorOf = (locals: Locals) => locals.staff?.actor ?? null;

/** The owner's name for the crumbs: the museum's, or the association's. */
export async function ownerName(locals: Locals, owner: ExhibitionOwner): Promise<string> {
  if (owner.kind === 'museum')
    return (await locals.app.editor.open(actorOf(locals), owner.museumId)).record.name[
      locals.locale
    ];
  return (await locals.app.association.about(locals.locale))?.name ?? '';
}

/**
 * What the blocks can show. A museum: its ready files by kind and its exhibits. The association
 * (whose files are its member museums'): the files the exhibition already names.
 */
async function library(
  locals: Locals,
  actor: Actor | null,
  owner: ExhibitionOwner,
  record: ExhibitionRecord
) {
  const urlOf = mediaUrls(locals.app.config.media.publicUrl);
  let files: Asset[];
  let exhibits: { id: number; label: string; published: boolean }[] = [];
  if (owner.kind === 'museum') {
    const list = async (kind: MediaKind) =>
      (await locals.app.media.list(actor, owner.museumId, { kind, status: 'ready', limit: 200 }))
        .assets;
    const [kinds, staffList] = await Promise.all([
      Promise.all((['image', 'audio', 'video', 'document'] as const).map(list)),
      locals.app.exhibitEditor.list(actor, owner.museumId, { limit: 200 })
    ]);
    files = kinds.flat();
    exhibits = staffList.exhibits.map((e) => ({
      id: e.id,
      label: `${e.inventoryNumber} — ${e.title[locals.locale] || e.title.ru}`,
      published: e.publishedAt !== null
    }));
  } else {
    files = await locals.app.exhibitionEditor.files(
      actor,
      owner,
      exhibitionAssets(record).map((r) => r.assetId)
    );
  }
  const named = (a: Asset) => ({ id: a.id, fileName: a.fileName });
  const of = (kind: MediaKind) => files.filter((a) => a.kind === kind);
  return {
    images: of('image').map((a) => ({
      ...named(a),
      src: a.rendition ? responsiveImage(a.rendition, urlOf).src : urlOf(a.originalKey)
    })),
    audio: of('audio').map(named),
    videos: of('video').map(named),
    captions: of('document')
      .filter((a) => a.mime === 'text/vtt')
      .map(named),
    exhibits
  };
}

export async function listPage(locals: Locals, place: ExhibitionPlace) {
  const actor = actorOf(locals);
  return orNotFound(async () => {
    const [{ exhibitions, canCreate }, name] = await Promise.all([
      locals.app.exhibitionEditor.list(actor, place.owner),
      ownerName(locals, place.owner)
    ]);
    return { base: place.base, ownerName: name, exhibitions, canCreate };
  });
}

export async function createExhibition(event: RequestEvent, place: ExhibitionPlace) {
  const { locals, request } = event;
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const input = { slug: text('slug'), title: { ru: text('title.ru'), en: text('title.en') } };
  const result = await orNotFound(() =>
    locals.app.exhibitionEditor.create(actorOf(locals), place.owner, input)
  );
  if (!result.ok)
    return fail(400, {
      errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]])),
      submitted: input
    });
  redirect(303, localizeHref(`${place.base}/exhibitions/${result.id}`));
}

export async function editorPage(locals: Locals, place: ExhibitionPlace, idText: string) {
  const exhibitionId = idParam(idText);
  const actor = actorOf(locals);
  const editor = locals.app.exhibitionEditor;
  return orNotFound(async () => {
    const [editing, history, name] = await Promise.all([
      editor.open(actor, place.owner, exhibitionId),
      editor.history(actor, place.owner, exhibitionId),
      ownerName(locals, place.owner)
    ]);
    return {
      base: place.base,
      ownerName: name,
      exhibitionId,
      editing,
      history,
      library: await library(locals, actor, place.owner, editing.record)
    };
  });
}

/** The version being edited as visitors would see it; with `?version=` a past one, to restore. */
export async function previewPage(
  locals: Locals,
  place: ExhibitionPlace,
  idText: string,
  url: URL
) {
  const exhibitionId = idParam(idText);
  const actor = actorOf(locals);
  const editor = locals.app.exhibitionEditor;
  const [editing, past] = await orNotFound(() =>
    Promise.all([
      editor.open(actor, place.owner, exhibitionId),
      pastVersion(url, (id) => editor.version(actor, place.owner, exhibitionId, id))
    ])
  );
  const exhibition = await locals.app.exhibitions.preview(
    place.owner.kind === 'museum' ? place.owner.museumId : null,
    exhibitionId,
    past?.data ?? editing.record,
    locals.locale
  );
  if (!exhibition) error(404, 'Not found');
  return {
    back: `${place.base}/exhibitions/${exhibitionId}`,
    exhibition,
    past: past && { id: past.id, publishedAt: past.publishedAt }
  };
}

/** The editor's form actions: save (or rearrange the blocks), approve, send back, restore a version. */
export function editorActions(placeOf: (event: RequestEvent) => ExhibitionPlace) {
  const idOf = (event: RequestEvent) => idParam(event.params.exhibitionId);
  return {
    save: async (event: RequestEvent) => {
      const { locals, request, setHeaders } = event;
      const { owner } = placeOf(event);
      const exhibitionId = idOf(event);
      const actor = actorOf(locals);
      const form = await request.formData();
      const intent = intents.find((i) => i === form.get('intent')) ?? 'draft';
      return orNotFound(async () => {
        const editor = locals.app.exhibitionEditor;
        const { record } = await editor.open(actor, owner, exhibitionId);
        const { input, arranged } = readExhibitionForm(form, record);
        // Adding, moving or removing a block only rearranges the form; saving is its own press.
        if (arranged) return { draft: input, arranged: true };
        const result = await editor.save(actor, owner, exhibitionId, input, intent);
        // The exhibition as typed comes back, so nothing is lost; errors are keyed by field path.
        if (!result.ok)
          return fail(400, {
            errors: Object.fromEntries(
              result.errors.map((e) => [e.field, e.message[locals.locale]])
            ),
            draft: input
          });
        if (result.status === 'published') setHeaders(purge);
        return { saved: result.status };
      });
    },
    approve: async (event: RequestEvent) => {
      const { locals, request, setHeaders } = event;
      const revision = Number((await request.formData()).get('revision'));
      const result = await orNotFound(() =>
        locals.app.exhibitionEditor.approve(
          actorOf(locals),
          placeOf(event).owner,
          idOf(event),
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
    sendBack: async (event: RequestEvent) => {
      const { locals, request } = event;
      const form = await request.formData();
      await orNotFound(() =>
        locals.app.exhibitionEditor.sendBack(
          actorOf(locals),
          placeOf(event).owner,
          idOf(event),
          Number(form.get('revision')),
          String(form.get('note') ?? '')
        )
      );
      return { sentBack: true };
    },
    restoreVersion: async (event: RequestEvent) =>
      restoreVersionAction(event.request, (revision, replacing) =>
        event.locals.app.exhibitionEditor.restoreVersion(
          actorOf(event.locals),
          placeOf(event).owner,
          idOf(event),
          revision,
          replacing
        )
      )
  };
}
