import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n';
import type { NewsRecord } from '$lib/shared/news';
import { pick } from '$lib/shared/localize';
import type { Actor } from '../auth/access';
import { pastVersion, restoreVersionAction } from '../content/restore-action';
import { idParam, orNotFound } from '../http/guards';
import type { Asset } from '../media/repository';
import { mediaUrls, responsiveImage } from '../media/responsive';
import { newsAssets } from './checks';
import type { NewsOwner } from './editor';
import { readNewsForm } from './form';
import { wallClockInput } from './schedule';

/**
 * The staff pages of news, for either owner: a museum's (`/admin/museums/[id]/news`) and the
 * association's (`/admin/association/news`). Routes name the owner and its base path.
 */
export interface NewsPlace {
  owner: NewsOwner;
  /** The owner's staff page: `/admin/museums/3` or `/admin/association`. */
  base: string;
}

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'museums' };

type Locals = App.Locals;
const actorOf = (locals: Locals) => locals.staff?.actor ?? null;

async function ownerName(locals: Locals, owner: NewsOwner): Promise<string> {
  if (owner.kind === 'museum')
    return (await locals.app.editor.open(actorOf(locals), owner.museumId)).record.name[
      locals.locale
    ];
  return (await locals.app.association.about(locals.locale))?.name ?? '';
}

const errorsOf = (
  locals: Locals,
  errors: { field: string; message: { ru: string; en: string } }[]
) => Object.fromEntries(errors.map((e) => [e.field, e.message[locals.locale]]));

/** What a news item can show: a museum's ready images; for the association, those it names. */
async function library(locals: Locals, actor: Actor | null, owner: NewsOwner, record: NewsRecord) {
  const urlOf = mediaUrls(locals.app.config.media.publicUrl);
  const files: Asset[] =
    owner.kind === 'museum'
      ? (
          await locals.app.media.list(actor, owner.museumId, {
            kind: 'image',
            status: 'ready',
            limit: 200
          })
        ).assets
      : await locals.app.newsEditor.files(
          actor,
          owner,
          newsAssets(record).map((r) => r.assetId)
        );
  return files
    .filter((a) => a.kind === 'image')
    .map((a) => ({
      id: a.id,
      fileName: a.fileName,
      described: !!(a.alt.ru && a.alt.en),
      src: a.rendition ? responsiveImage(a.rendition, urlOf).src : urlOf(a.originalKey)
    }));
}

export async function listPage(locals: Locals, place: NewsPlace) {
  const actor = actorOf(locals);
  return orNotFound(async () => {
    const [{ news, canCreate, timeZone }, name] = await Promise.all([
      locals.app.newsEditor.list(actor, place.owner),
      ownerName(locals, place.owner)
    ]);
    const shown = (at: string | null) =>
      at ? wallClockInput(new Date(at), timeZone).replace('T', ' ') : null;
    return {
      base: place.base,
      ownerName: name,
      timeZone,
      news: news.map((n) => ({
        ...n,
        publishedLocal: shown(n.publishedAt),
        scheduledLocal: shown(n.scheduledAt)
      })),
      canCreate
    };
  });
}

export async function createNews(event: RequestEvent, place: NewsPlace) {
  const { locals, request } = event;
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const input = { slug: text('slug'), title: { ru: text('title.ru'), en: text('title.en') } };
  const result = await orNotFound(() =>
    locals.app.newsEditor.create(actorOf(locals), place.owner, input)
  );
  if (!result.ok) return fail(400, { errors: errorsOf(locals, result.errors), submitted: input });
  redirect(303, localizeHref(`${place.base}/news/${result.id}`));
}

export async function editorPage(locals: Locals, place: NewsPlace, idText: string) {
  const newsId = idParam(idText);
  const actor = actorOf(locals);
  const editor = locals.app.newsEditor;
  return orNotFound(async () => {
    const [editing, history, name, museums, events] = await Promise.all([
      editor.open(actor, place.owner, newsId),
      editor.history(actor, place.owner, newsId),
      ownerName(locals, place.owner),
      editor.museumChoices(actor, place.owner),
      // What news announces: the published events of the next two months.
      locals.app.events.upcoming({}, locals.app.clock(), 100, locals.locale)
    ]);
    return {
      base: place.base,
      ownerName: name,
      newsId,
      editing,
      history,
      museums: museums
        .filter((m) => place.owner.kind !== 'museum' || m.id !== place.owner.museumId)
        .map((m) => ({ id: m.id, name: pick(locals.locale, m.name.ru, m.name.en) })),
      events: [...new Map(events.map((e) => [e.eventId, { id: e.eventId, title: e.title }]))].map(
        ([, e]) => e
      ),
      images: await library(locals, actor, place.owner, editing.record)
    };
  });
}

/** The version being edited as visitors would see it; with `?version=` a past one, to restore. */
export async function previewPage(locals: Locals, place: NewsPlace, idText: string, url: URL) {
  const newsId = idParam(idText);
  const actor = actorOf(locals);
  const editor = locals.app.newsEditor;
  const [editing, past] = await orNotFound(() =>
    Promise.all([
      editor.open(actor, place.owner, newsId),
      pastVersion(url, (id) => editor.version(actor, place.owner, newsId, id))
    ])
  );
  const item = await locals.app.news.preview(
    place.owner.kind === 'museum' ? place.owner.museumId : null,
    newsId,
    past?.data ?? editing.record,
    locals.locale
  );
  if (!item) error(404, 'Not found');
  return {
    back: `${place.base}/news/${newsId}`,
    item,
    past: past && { id: past.id, publishedAt: past.publishedAt }
  };
}

/** The editor's form actions: save (draft, review, publish, schedule), cancel a schedule, review. */
export function editorActions(placeOf: (event: RequestEvent) => NewsPlace) {
  const idOf = (event: RequestEvent) => idParam(event.params.newsId);
  return {
    save: async (event: RequestEvent) => {
      const { locals, request, setHeaders } = event;
      const { owner } = placeOf(event);
      const newsId = idOf(event);
      const actor = actorOf(locals);
      const form = await request.formData();
      return orNotFound(async () => {
        const editor = locals.app.newsEditor;
        const { record } = await editor.open(actor, owner, newsId);
        const { input, intent, publishAt } = readNewsForm(form, record);
        const result =
          intent === 'schedule'
            ? await editor.schedule(actor, owner, newsId, input, publishAt)
            : await editor.save(actor, owner, newsId, input, intent);
        // The item as typed comes back, so nothing is lost; errors are keyed by field path.
        if (!result.ok)
          return fail(400, { errors: errorsOf(locals, result.errors), draft: input, publishAt });
        if (result.status === 'published') setHeaders(purge);
        return { saved: result.status };
      });
    },
    unschedule: async (event: RequestEvent) => {
      const { locals } = event;
      await orNotFound(() =>
        locals.app.newsEditor.cancelSchedule(actorOf(locals), placeOf(event).owner, idOf(event))
      );
      return { unscheduled: true };
    },
    approve: async (event: RequestEvent) => {
      const { locals, request, setHeaders } = event;
      const revision = Number((await request.formData()).get('revision'));
      const result = await orNotFound(() =>
        locals.app.newsEditor.approve(actorOf(locals), placeOf(event).owner, idOf(event), revision)
      );
      if (!result.ok) return fail(400, { errors: errorsOf(locals, result.errors) });
      setHeaders(purge);
      return { saved: 'published' as const };
    },
    sendBack: async (event: RequestEvent) => {
      const { locals, request } = event;
      const form = await request.formData();
      await orNotFound(() =>
        locals.app.newsEditor.sendBack(
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
        event.locals.app.newsEditor.restoreVersion(
          actorOf(event.locals),
          placeOf(event).owner,
          idOf(event),
          revision,
          replacing
        )
      )
  };
}
