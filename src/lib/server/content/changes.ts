import { flatten } from '$lib/shared/flatten';

/** One field that differs between two versions of a record. */
export interface Change {
  field: string;
  before: string;
  after: string;
}

/**
 * What differs between two versions, field by field (`scenes.0.title.ru`), in words a person can
 * read. Museums, the association and tours show their versions' changes this way.
 */
export function diffFlattened(before: unknown, after: unknown): Change[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields
    .filter((field) => (a[field] ?? '') !== (b[field] ?? ''))
    .map((field) => ({ field, before: a[field] ?? '', after: b[field] ?? '' }));
}
