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
  const result = await orNotFound(() =>
    saveMuseumForm(locals.app.editor, locals.staff?.actor ?? null, id, form, 'draft', locals.locale)
  );
  if (!result.ok) return json({ saved: false, errors: result.errors }, { status: 422 });
  return json({ saved: true });
};
