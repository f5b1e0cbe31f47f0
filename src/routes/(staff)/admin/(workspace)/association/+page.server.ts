import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { NotFoundOrForbidden } from '$lib/server/auth/access';
import { readAssociationForm } from '$lib/server/association/form';
import { FormFields } from '$lib/server/forms/fields';

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'association' };

/** Only association admins have this page; for everyone else there is no such page. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof NotFoundOrForbidden) error(404, 'Not found');
    throw e;
  }
}

export const load: PageServerLoad = async ({ locals }) => ({
  record: await guarded(() => locals.app.associationEditor.open(locals.staff?.actor ?? null))
});

export const actions: Actions = {
  save: async ({ request, locals, setHeaders }) => {
    const actor = locals.staff?.actor ?? null;
    const fields = new FormFields(await request.formData());
    return guarded(async () => {
      const editor = locals.app.associationEditor;
      const result = await editor.save(
        actor,
        readAssociationForm(fields, await editor.open(actor))
      );
      if (!result.ok) {
        const errors = Object.fromEntries(
          result.errors.map((e) => [fields.source(e.field), e.message[locals.locale]])
        );
        // Everything typed comes back, so nothing is lost on an error.
        return fail(400, { errors, submitted: fields.submitted() });
      }
      setHeaders(purge);
      return { saved: true };
    });
  }
};
