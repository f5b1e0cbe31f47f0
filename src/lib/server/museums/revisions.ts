import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { RevisionStatus } from '../db/revision-columns';
import { RevisionStore } from '../content/revision-store';
import { museumInput, type MuseumRecord } from '$lib/shared/museum';

export type { RevisionStatus };

/** SQL for the versions of museum profiles people saved: a RevisionStore and the staff's lists. */
export class RevisionRepository extends RevisionStore<MuseumRecord, 'museum_revisions'> {
  constructor(private readonly db: Kysely<DB>) {
    super(db, 'museum_revisions', 'museum_id', museumInput);
  }

  /** Versions being worked on (drafts and those waiting for review) in some museums, or all. */
  async openIn(museums: number[] | 'all') {
    if (museums !== 'all' && museums.length === 0) return [];
    let query = this.db
      .selectFrom('museum_revisions')
      .leftJoin('users as author', 'author.id', 'museum_revisions.author_id')
      .where('museum_revisions.status', 'in', ['draft', 'review'])
      .select([
        'museum_revisions.id',
        'museum_revisions.museum_id',
        'museum_revisions.status',
        'museum_revisions.author_id',
        'museum_revisions.note',
        'museum_revisions.updated_at',
        'author.name as author'
      ])
      .orderBy('museum_revisions.updated_at', 'desc');
    if (museums !== 'all') query = query.where('museum_revisions.museum_id', 'in', museums);
    return query.execute();
  }

  /** Museums with a version waiting for review, among those given (or all). */
  async waitingForReview(museums: number[] | 'all') {
    if (museums !== 'all' && museums.length === 0) return [];
    let query = this.db
      .selectFrom('museum_revisions')
      .where('status', '=', 'review')
      .select(['id', 'museum_id', 'updated_at']);
    if (museums !== 'all') query = query.where('museum_id', 'in', museums);
    return query.execute();
  }
}
