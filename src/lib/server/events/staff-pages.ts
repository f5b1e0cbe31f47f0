import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n';
import type { SaveIntent } from '../content/versions';
import { idParam, orNotFound } from '../http/guards';
import { mediaUrls, responsiveImage } from '../media/responsive';
import { ownerName } from '../exhibitions/staff-pages';
import { zoneLabel } from '$lib/shared/event-time';
import type { EventOwner } from './editor';
import { readEventForm } from './form';

/**
 * The staff pages of events, for either owner: a museum's (`/admin/museums/[id]/events`) and the
 * association's (`/admin/association/events`). Routes name the owner and where its pages live.
 */
export interface EventPlace {
  owner: EventOwner;
  /** The owner's staff page: `/admin/museums/3` or `/admin/association`. */
  base: string;
}

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'museums' };
const intents: SaveIntent[] = ['draft', 'review', 'publish'];

type Locals = App.Locals;
const actorOf = (locals: Locals) => locals.staff?.actor ?? null;
const errorsOf = (
  locals: Locals,
  errors: { field: string; message: { ru: string; en: string } }[]
) => Object.fromEntries(errors.map((e) => [e.field, e.message[locals.locale]]));

export async function listPage(locals: Locals, place: EventPlace) {
  const actor = actorOf(locals);
  return orNotFound(async () => {
    const [{ events, canCreate, timeZone }, name] = await Promise.all([
      locals.app.eventEditor.list(actor, place.owner),
      ownerName(locals, place.owner)
    ]);
    return { base: place.base, ownerName: name, events, canCreate, timeZone };
  });
}

export async function createEvent(event: RequestEvent, place: EventPlace) {
  const { locals, request } = event;
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const input = { slug: text('slug'), title: { ru: text('title.ru'), en: text('title.en') } };
  const result = await orNotFound(() =>
    locals.app.eventEditor.create(actorOf(locals), place.owner, input)
  );
  if (!result.ok) return fail(400, { errors: errorsOf(locals, result.errors), submitted: input });
  redirect(303, localizeHref(`${place.base}/events/${result.id}`));
}

export async function editorPage(locals: Locals, place: EventPlace, idText: string) {
  const eventId = idParam(idText);
  const actor = actorOf(locals);
  const editor = locals.app.eventEditor;
  const urlOf = mediaUrls(locals.app.config.media.publicUrl);
  return orNotFound(async () => {
    const [editing, history, name, venues] = await Promise.all([
      editor.open(actor, place.owner, eventId),
      editor.history(actor, place.owner, eventId),
      ownerName(locals, place.owner),
      editor.venues(actor, place.owner)
    ]);
    const images =
      place.owner.kind === 'museum'
        ? (
            await locals.app.media.list(actor, place.owner.museumId, {
              kind: 'image',
              status: 'ready',
              limit: 200
            })
          ).assets
        : await editor.files(
            actor,
            place.owner,
            editing.record.coverAssetId ? [editing.record.coverAssetId] : []
          );
    const pick = (v: { ru: string; en: string }) => v[locals.locale] || v.ru;
    return {
      base: place.base,
      ownerName: name,
      eventId,
      editing,
      history,
      zone: { id: editing.timeZone, label: zoneLabel(editing.timeZone, locale(locals)) },
      museums: venues.museums.map((m) => ({ id: m.id, name: pick(m.name) })),
      towns: venues.towns.map((t) => ({ slug: t.slug, name: pick(t.name) })),
      images: images
        .filter((a) => a.kind === 'image')
        .map((a) => ({
          id: a.id,
          fileName: a.fileName,
          src: a.rendition ? responsiveImage(a.rendition, urlOf).src : urlOf(a.originalKey)
        }))
    };
  });
}

const locale = (locals: Locals) => locals.locale;

/** The version being edited as visitors would see it. */
export async function previewPage(locals: Locals, place: EventPlace, idText: string) {
  const eventId = idParam(idText);
  const editing = await orNotFound(() =>
    locals.app.eventEditor.open(actorOf(locals), place.owner, eventId)
  );
  const event = await locals.app.events.preview(
    place.owner.kind === 'museum' ? place.owner.museumId : null,
    eventId,
    editing.record,
    locals.locale
  );
  if (!event) error(404, 'Not found');
  return { back: `${place.base}/events/${eventId}`, event };
}

/** The editor's form actions: save (or rearrange sessions and questions), approve, send back. */
export function editorActions(placeOf: (event: RequestEvent) => EventPlace) {
  const idOf = (event: RequestEvent) => idParam(event.params.eventId);
  return {
    save: async (event: RequestEvent) => {
      const { locals, request, setHeaders } = event;
      const { owner } = placeOf(event);
      const eventId = idOf(event);
      const actor = actorOf(locals);
      const form = await request.formData();
      const intent = intents.find((i) => i === form.get('intent')) ?? 'draft';
      return orNotFound(async () => {
        const editor = locals.app.eventEditor;
        const { record } = await editor.open(actor, owner, eventId);
        const { input, arranged } = readEventForm(form, record);
        // Adding or removing a session only rearranges the form; saving is its own press.
        if (arranged) return { draft: input, arranged: true };
        const result = await editor.save(actor, owner, eventId, input, intent);
        // The event as typed comes back, so nothing is lost; errors are keyed by field path.
        if (!result.ok) return fail(400, { errors: errorsOf(locals, result.errors), draft: input });
        if (result.status === 'published') setHeaders(purge);
        return { saved: result.status };
      });
    },
    approve: async (event: RequestEvent) => {
      const { locals, request, setHeaders } = event;
      const revision = Number((await request.formData()).get('revision'));
      const result = await orNotFound(() =>
        locals.app.eventEditor.approve(actorOf(locals), placeOf(event).owner, idOf(event), revision)
      );
      if (!result.ok) return fail(400, { errors: errorsOf(locals, result.errors) });
      setHeaders(purge);
      return { saved: 'published' as const };
    },
    sendBack: async (event: RequestEvent) => {
      const { locals, request } = event;
      const form = await request.formData();
      await orNotFound(() =>
        locals.app.eventEditor.sendBack(
          actorOf(locals),
          placeOf(event).owner,
          idOf(event),
          Number(form.get('revision')),
          String(form.get('note') ?? '')
        )
      );
      return { sentBack: true };
    }
  };
}
