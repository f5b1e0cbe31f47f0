import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { saveExhibitForm } from '$lib/server/exhibits/form';

/**
 * Autosave of the exhibit form (with JavaScript): always a draft, never review or publishing.
 * A version waiting for review stays as it was submitted until someone presses a button.
 */
export const POST: RequestHandler = async ({ request, locals, params }) => {
  const museumId = idParam(params.id);
  const exhibitId = idParam(params.exhibitId);
  const form = await request.formData();
  // An image picked in "add an image" is added by its button, not by the pick itself.
  form.delete('addMedia');
  const actor = locals.staff?.actor ?? null;
  const editor = locals.app.exhibitEditor;
  const { revision } = await orNotFound(() => editor.open(actor, museumId, exhibitId));
  if (revision?.status === 'review') return json({ saved: false, held: true }, { status: 409 });
  const result = await orNotFound(() =>
    saveExhibitForm(editor, actor, museumId, exhibitId, form, 'draft', locals.locale)
  );
  if (!result.ok) return json({ saved: false, errors: result.errors }, { status: 422 });
  return json({ saved: true });
};
