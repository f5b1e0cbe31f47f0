import { fail } from '@sveltejs/kit';
import { idParam, orNotFound } from '../http/guards';
import type { Revision } from './revision-store';
import type { RestoreResult } from './versions';

/**
 * The `restoreVersion` form action of a versioned thing's editor page: `revision` is the past
 * published version, `replacing` the open version the person chose to discard. The page shows
 * the answer with RestoreOutcome.svelte.
 */
export async function restoreVersionAction(
  request: Request,
  restore: (revisionId: number, replacing: number | null) => Promise<RestoreResult>
) {
  const form = await request.formData();
  const revision = idParam(String(form.get('revision') ?? ''));
  const replacingText = String(form.get('replacing') ?? '');
  const replacing = /^\d+$/.test(replacingText) ? Number(replacingText) : null;
  const result = await orNotFound(() => restore(revision, replacing));
  if (!result.ok)
    return fail(409, {
      restoreRefused: { revision, open: { id: result.open.id, status: result.open.status } }
    });
  return { restored: result.revisionId };
}

/** A preview's `?version=`: the past version to show instead of the one being edited, or null. */
export async function pastVersion<R>(
  url: URL,
  version: (revisionId: number) => Promise<Revision<R>>
): Promise<Revision<R> | null> {
  const id = url.searchParams.get('version');
  return id === null ? null : version(idParam(id));
}
