import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { revisionColumns, type RevisionChanges, type RevisionStatus } from '../db/revision-columns';
import { museumInput, type MuseumRecord } from '$lib/shared/museum';

export type { RevisionStatus };

/** SQL for the versions of museum profiles people saved. */
export class RevisionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The version being worked on: a draft, or one waiting for review. */
  async open(museumId: number) {
    const row = await this.db
      .selectFrom('museum_revisions')
      .where('museum_id', '=', museumId)
      .where('status', 'in', ['draft', 'review'])
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? decode(row) : undefined;
  }

  async find(museumId: number, id: number) {
    const row = await this.db
      .selectFrom('museum_revisions')
      .where('museum_id', '=', museumId)
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirst();
    return row ? decode(row) : undefined;
  }

  /**
   * A new version. A museum has at most one open (draft or review) version — a unique index says
   * so — and when two requests race to open one, the later one updates the version the earlier
   * one made instead of opening a second.
   */
  async insert(
    museumId: number,
    authorId: string,
    status: RevisionStatus,
    data: MuseumRecord,
    now: string
  ) {
    const inserted = await this.db
      .insertInto('museum_revisions')
      .values({
        museum_id: museumId,
        author_id: authorId,
        status,
        data: writeJson(data),
        created_at: now,
        updated_at: now
      })
      .onConflict((oc) =>
        // Literal, as in the index: SQLite matches a partial index by its expression, not values.
        oc
          .column('museum_id')
          .where(sql<boolean>`status IN ('draft', 'review')`)
          .doNothing()
      )
      .returning('id')
      .executeTakeFirst();
    if (inserted) return inserted.id;
    const open = await this.open(museumId);
    if (!open) throw new Error('an open version was neither made nor found');
    await this.update(open.id, { status, data, authorId, now });
    return open.id;
  }

  async update(id: number, changes: RevisionChanges<MuseumRecord>) {
    await this.db
      .updateTable('museum_revisions')
      .set(revisionColumns(changes))
      .where('id', '=', id)
      .execute();
  }

  async history(museumId: number) {
    return this.db
      .selectFrom('museum_revisions')
      .leftJoin('users as author', 'author.id', 'museum_revisions.author_id')
      .leftJoin('users as publisher', 'publisher.id', 'museum_revisions.published_by')
      .where('museum_revisions.museum_id', '=', museumId)
      .select([
        'museum_revisions.id',
        'museum_revisions.status',
        'museum_revisions.note',
        'museum_revisions.updated_at',
        'museum_revisions.published_at',
        'author.name as author',
        'publisher.name as publisher'
      ])
      .orderBy('museum_revisions.id', 'desc')
      .execute();
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

function decode(row: {
  id: number;
  status: RevisionStatus;
  note: string | null;
  data: unknown;
  author_id: string | null;
}) {
  // Parsed, not cast: a revision written by an older version of the schema still reads safely.
  return {
    id: row.id,
    status: row.status,
    note: row.note,
    authorId: row.author_id,
    data: museumInput.parse(readJson(row.data))
  };
}
