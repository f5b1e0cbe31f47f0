import { error } from '@sveltejs/kit';
import { NotFoundOrForbidden } from '../auth/access';

/** A route's numeric id, or a plain 404 for anything else. */
export function idParam(value: string | null | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) error(404, 'Not found');
  return id;
}

/** "Not found or no access" becomes a plain 404: another museum's page looks like no page. */
export async function orNotFound<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof NotFoundOrForbidden) error(404, 'Not found');
    throw e;
  }
}
