import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { NotFoundOrForbidden } from '$lib/server/auth/access';
import { readMuseumForm } from '$lib/server/museums/form';
import type { Intent } from '$lib/server/museums/editor';

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
  return guarded(async () => ({
    museumId: id,
    editing: await locals.app.editor.open(actor, id),
    history: await locals.app.editor.history(actor, id)
  }));
};

const intents: Intent[] = ['draft', 'review', 'publish'];

function textFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === 'string') fields[name] = value;
  return fields;
}

export const actions: Actions = {
  save: async ({ request, locals, params, setHeaders }) => {
    const id = museumId(params.id);
    const actor = locals.staff?.actor ?? null;
    const form = await request.formData();
    const intent = intents.find((i) => i === form.get('intent')) ?? 'draft';
    return guarded(async () => {
      const { record } = await locals.app.editor.open(actor, id);
      const input = readMuseumForm(form, record);
      const result = await locals.app.editor.save(actor, id, input, intent);
      if (!result.ok) {
        const errors = Object.fromEntries(
          result.errors.map((e) => [e.field, e.message[locals.locale]])
        );
        // Everything typed comes back, so nothing is lost on an error.
        return fail(400, { errors, submitted: textFields(form) });
      }
      if (result.status === 'published') setHeaders(purge);
      return { saved: result.status };
    });
  },
  approve: async ({ request, locals, params, setHeaders }) => {
    const id = museumId(params.id);
    const revision = Number((await request.formData()).get('revision'));
    await guarded(() => locals.app.editor.approve(locals.staff?.actor ?? null, id, revision));
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
