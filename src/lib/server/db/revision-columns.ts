import { writeJson } from './json';

export type RevisionStatus = 'draft' | 'review' | 'published' | 'discarded';

/** A change to a saved version (of a museum's profile, of a tour): what moves and who did it. */
export interface RevisionChanges<Data> {
  status: RevisionStatus;
  data?: Data;
  note?: string | null;
  authorId?: string;
  publishedBy?: string;
  now: string;
}

/** The columns an update of a version table sets; those tables share these columns. */
export function revisionColumns<Data>(changes: RevisionChanges<Data>) {
  return {
    status: changes.status,
    updated_at: changes.now,
    ...(changes.data ? { data: writeJson(changes.data) } : {}),
    ...(changes.note !== undefined ? { note: changes.note } : {}),
    ...(changes.authorId ? { author_id: changes.authorId } : {}),
    ...(changes.publishedBy ? { published_by: changes.publishedBy, published_at: changes.now } : {})
  };
}
