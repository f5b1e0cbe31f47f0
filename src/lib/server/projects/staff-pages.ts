import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n';
import type { ProjectRecord } from '$lib/shared/project';
import type { Actor } from '../auth/access';
import type { SaveIntent } from '../content/versions';
import { idParam, orNotFound } from '../http/guards';
import { pastVersion, restoreVersionAction } from '../content/restore-action';
import { mediaUrls, responsiveImage } from '../media/responsive';
import type { ProjectOwner } from './editor';
import { projectFields, readProjectForm } from './form';

/**
 * The staff pages of projects, for either owner: a museum's (`/admin/museums/[id]/projects`) and
 * the association's (`/admin/association/projects`). Routes name the owner and its base path.
 */
export interface ProjectPlace {
  owner: ProjectOwner;
  /** The owner's staff page: `/admin/museums/3` or `/admin/association`. */
  base: string;
}

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'museums' };
const intents: SaveIntent[] = ['draft', 'review', 'publish'];

type Locals = App.Locals;
const actorOf = (locals: Locals) => locals.staff?.actor ?? null;

async function ownerName(locals: Locals, owner: ProjectOwner): Promise<string> {
  if (owner.kind === 'museum')
    return (await locals.app.editor.open(actorOf(locals), owner.museumId)).record.name[
      locals.locale
    ];
  return (await locals.app.association.about(locals.locale))?.name ?? '';
}

/**
 * What the editor offers: member museums (participants, venues) and pictures for the gallery —
 * a museum's ready images, or for the association the pictures the project already shows.
 */
async function choices(
  locals: Locals,
  actor: Actor | null,
  owner: ProjectOwner,
  record: ProjectRecord
) {
  const urlOf = mediaUrls(locals.app.config.media.publicUrl);
  const { museums, files, events, news } = await locals.app.projectEditor.choices(actor, owner, {
    assetIds: record.gallery.map((g) => g.assetId),
    eventIds: record.eventIds,
    newsIds: record.newsIds
  });
  const titled = (e: {
    id: number;
    title_ru: string;
    title_en: string;
    published_at: string | null;
  }) => ({
    id: e.id,
    title: (locals.locale === 'en' ? e.title_en : e.title_ru) || e.title_ru,
    published: e.published_at !== null
  });
  const images =
    owner.kind === 'museum'
      ? (
          await locals.app.media.list(actor, owner.museumId, {
            kind: 'image',
            status: 'ready',
            limit: 200
          })
        ).assets
      : files;
  return {
    museums: museums.map((m) => ({ id: m.id, name: m.name[locals.locale] || m.name.ru })),
    events: events.map(titled),
    news: news.map(titled),
    images: images.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      src: a.rendition ? responsiveImage(a.rendition, urlOf).src : urlOf(a.originalKey)
    }))
  };
}

export async function listPage(locals: Locals, place: ProjectPlace) {
  const actor = actorOf(locals);
  return orNotFound(async () => {
    const [{ projects, canCreate }, name] = await Promise.all([
      locals.app.projectEditor.list(actor, place.owner),
      ownerName(locals, place.owner)
    ]);
    return { base: place.base, ownerName: name, projects, canCreate };
  });
}

export async function createProject(event: RequestEvent, place: ProjectPlace) {
  const { locals, request } = event;
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const input = { slug: text('slug'), title: { ru: text('title.ru'), en: text('title.en') } };
  const result = await orNotFound(() =>
    locals.app.projectEditor.create(actorOf(locals), place.owner, input)
  );
  if (!result.ok)
    return fail(400, {
      errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message[locals.locale]])),
      submitted: input
    });
  redirect(303, localizeHref(`${place.base}/projects/${result.id}`));
}

export async function editorPage(locals: Locals, place: ProjectPlace, idText: string) {
  const projectId = idParam(idText);
  const actor = actorOf(locals);
  const editor = locals.app.projectEditor;
  return orNotFound(async () => {
    const [editing, history, name] = await Promise.all([
      editor.open(actor, place.owner, projectId),
      editor.history(actor, place.owner, projectId),
      ownerName(locals, place.owner)
    ]);
    return {
      base: place.base,
      ownerName: name,
      projectId,
      editing,
      fields: projectFields(editing.record),
      history,
      choices: await choices(locals, actor, place.owner, editing.record)
    };
  });
}

/** The version being edited as visitors would see it; with `?version=` a past one, to restore. */
export async function previewPage(locals: Locals, place: ProjectPlace, idText: string, url: URL) {
  const projectId = idParam(idText);
  const actor = actorOf(locals);
  const editor = locals.app.projectEditor;
  const [editing, past] = await orNotFound(() =>
    Promise.all([
      editor.open(actor, place.owner, projectId),
      pastVersion(url, (id) => editor.version(actor, place.owner, projectId, id))
    ])
  );
  const project = await locals.app.projects.preview(
    place.owner.kind === 'museum' ? place.owner.museumId : null,
    projectId,
    past?.data ?? editing.record,
    locals.locale
  );
  if (!project) error(404, 'Not found');
  return {
    back: `${place.base}/projects/${projectId}`,
    project,
    map: locals.app.config.map,
    past: past && { id: past.id, publishedAt: past.publishedAt }
  };
}

/** The editor's form actions: save, approve, send back, restore a past version. */
export function editorActions(placeOf: (event: RequestEvent) => ProjectPlace) {
  const idOf = (event: RequestEvent) => idParam(event.params.projectId);
  return {
    save: async (event: RequestEvent) => {
      const { locals, request, setHeaders } = event;
      const { owner } = placeOf(event);
      const projectId = idOf(event);
      const actor = actorOf(locals);
      const form = await request.formData();
      const intent = intents.find((i) => i === form.get('intent')) ?? 'draft';
      return orNotFound(async () => {
        const editor = locals.app.projectEditor;
        const { record } = await editor.open(actor, owner, projectId);
        const { input, fields } = readProjectForm(form, record);
        const result = await editor.save(actor, owner, projectId, input, intent);
        // What was typed comes back, so nothing is lost; errors beside the form's own fields.
        if (!result.ok)
          return fail(400, {
            errors: fields.messages(result.errors, locals.locale),
            submitted: fields.submitted()
          });
        if (result.status === 'published') setHeaders(purge);
        return { saved: result.status };
      });
    },
    approve: async (event: RequestEvent) => {
      const { locals, request, setHeaders } = event;
      const revision = Number((await request.formData()).get('revision'));
      const result = await orNotFound(() =>
        locals.app.projectEditor.approve(
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
        locals.app.projectEditor.sendBack(
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
        event.locals.app.projectEditor.restoreVersion(
          actorOf(event.locals),
          placeOf(event).owner,
          idOf(event),
          revision,
          replacing
        )
      )
  };
}
