import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { orNotFound } from '$lib/server/http/guards';
import { readAssociationForm } from '$lib/server/association/form';
import { FormFields } from '$lib/server/forms/fields';

/** Tells the shared cache in front of the app (server.js) that public pages have changed. */
const purge = { 'x-kraeved-purge': 'association' };

// Only association admins have this page; for everyone else there is no such page.
export const load: PageServerLoad = async ({ locals }) => ({
  record: await orNotFound(() => locals.app.associationEditor.open(locals.staff?.actor ?? null))
});

export const actions: Actions = {
  save: async ({ request, locals, setHeaders }) => {
    const actor = locals.staff?.actor ?? null;
    const fields = new FormFields(await request.formData());
    return orNotFound(async () => {
      const editor = locals.app.associationEditor;
      const result = await editor.save(
        actor,
        readAssociationForm(fields, await editor.open(actor))
      );
      // Everything typed comes back, so nothing is lost on an error.
      if (!result.ok) {
        return fail(400, {
          errors: fields.messages(result.errors, locals.locale),
          submitted: fields.submitted()
        });
      }
      setHeaders(purge);
      return { saved: true };
    });
  }
};
