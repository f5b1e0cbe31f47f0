import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { saveMuseumForm } from '$lib/server/museums/form';

/**
 * Autosave of the museum form (with JavaScript): the whole form, saved as a draft revision. It
 * never submits for review and never publishes, whatever the form says. Endpoints are not
 * guarded by the (workspace) layout; MuseumEditor checks who asks, and someone else's museum is
 * no such page.
 */
export const POST: RequestHandler = async ({ request, locals, params }) => {
  const id = idParam(params.id);
  const form = await request.formData();
  const actor = locals.staff?.actor ?? null;
  // A version waiting for review stays as it was submitted until someone presses a button.
  const { revision } = await orNotFound(() => locals.app.editor.open(actor, id));
  if (revision?.status === 'review') return json({ saved: false, held: true }, { status: 409 });
  const result = await orNotFound(() =>
    saveMuseumForm(locals.app.editor, actor, id, form, 'draft', locals.locale)
  );
  if (!result.ok) return json({ saved: false, errors: result.errors }, { status: 422 });
  return json({ saved: true });
};
