import { sql, type Generated, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { revisionColumns, type RevisionChanges, type RevisionStatus } from '../db/revision-columns';

/** A saved version of a thing as its editor works with it. */
export interface Revision<R> {
  id: number;
  status: RevisionStatus;
  note: string | null;
  authorId: string | null;
  updatedAt: string;
  publishedAt: string | null;
  data: R;
}

/** A line of a thing's history, newest first in `history`. */
export interface HistoryEntry {
  id: number;
  status: RevisionStatus;
  note: string | null;
  updated_at: string;
  published_at: string | null;
  author: string | null;
  publisher: string | null;
}

/** The columns every `<thing>_revisions` table has besides the one naming its thing. */
interface RevisionColumns {
  id: Generated<number>;
  author_id: string | null;
  status: RevisionStatus;
  data: DB['museum_revisions']['data'];
  note: string | null;
  created_at: DB['museum_revisions']['created_at'];
  updated_at: DB['museum_revisions']['updated_at'];
  published_at: string | null;
  published_by: string | null;
}

/** The tables of the schema that hold versions: all the shared columns and one more. */
export type RevisionTable = {
  [T in keyof DB]: DB[T] extends RevisionColumns ? T : never;
}[keyof DB];

/** The column of a versions table that names its thing (`exhibit_id` in `exhibit_revisions`). */
export type OwnerColumn<T extends RevisionTable> = Exclude<
  keyof DB[T] & string,
  keyof RevisionColumns
>;

/**
 * Kysely's types cannot follow a table chosen at run time, so the store writes its queries
 * against this stand-in: the table aliased `revisions`, its thing's column called `owner_id`.
 * The constructor's signature has already checked the real names against the schema; the
 * constructor is the one place they are renamed.
 */
interface StandIn {
  revisions: RevisionColumns & { owner_id: number };
  users: DB['users'];
}

/**
 * The versions of one kind of thing (a museum's profile, a tour, an exhibit, an exhibition…):
 * a `<thing>_revisions` table in which a thing has at most one open version (a draft or one
 * waiting for review; a partial unique index on the owner column says so) and any number of
 * published and discarded ones. Versions are stored whole, as JSON, and parsed on the way out
 * with the record's schema, so a version written by an older schema still reads safely.
 */
export class RevisionStore<R, T extends RevisionTable = RevisionTable> {
  private readonly standIn: Kysely<StandIn>;
  /** The real table, for INSERT (which takes no alias). */
  private readonly table: 'revisions';
  /** The real table aliased `revisions`, for SELECT and UPDATE. */
  private readonly aliased: 'revisions as revisions';
  private readonly owner: 'owner_id';

  constructor(
    db: Kysely<DB>,
    table: T,
    owner: OwnerColumn<T>,
    private readonly schema: { parse(value: unknown): R }
  ) {
    this.standIn = db as unknown as Kysely<StandIn>;
    this.table = table as unknown as 'revisions';
    this.aliased = `${table} as revisions` as 'revisions as revisions';
    this.owner = owner as 'owner_id';
  }

  /** The version being worked on: a draft, or one waiting for review. */
  async open(ownerId: number): Promise<Revision<R> | undefined> {
    const row = await this.standIn
      .selectFrom(this.aliased)
      .where(this.owner, '=', ownerId)
      .where('status', 'in', ['draft', 'review'])
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? this.decode(row) : undefined;
  }

  /** One of the thing's versions, whatever its status; undefined when it is another thing's. */
  async find(ownerId: number, id: number): Promise<Revision<R> | undefined> {
    const row = await this.standIn
      .selectFrom(this.aliased)
      .where(this.owner, '=', ownerId)
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirst();
    return row ? this.decode(row) : undefined;
  }

  /**
   * A new version. When two requests race to open one, the later one updates the version the
   * earlier one made instead of opening a second.
   */
  async insert(
    ownerId: number,
    authorId: string,
    status: RevisionStatus,
    data: R,
    now: string
  ): Promise<number> {
    const inserted = await this.standIn
      .insertInto(this.table)
      .values({
        [this.owner]: ownerId,
        author_id: authorId,
        status,
        data: writeJson(data),
        created_at: now,
        updated_at: now
      })
      .onConflict((oc) =>
        // Literal, as in the index: SQLite matches a partial index by its expression, not values.
        oc
          .column(this.owner)
          .where(sql<boolean>`status IN ('draft', 'review')`)
          .doNothing()
      )
      .returning('id')
      .executeTakeFirst();
    if (inserted) return inserted.id;
    const open = await this.open(ownerId);
    if (!open) throw new Error(`an open version in ${this.table} was neither made nor found`);
    await this.update(open.id, { status, data, authorId, now });
    return open.id;
  }

  async update(id: number, changes: RevisionChanges<R>): Promise<void> {
    await this.standIn
      .updateTable(this.aliased)
      .set(revisionColumns(changes))
      .where('id', '=', id)
      .execute();
  }

  /** Every version of the thing, newest first, with who wrote and who published it. */
  async history(ownerId: number): Promise<HistoryEntry[]> {
    return this.standIn
      .selectFrom(this.aliased)
      .leftJoin('users as author', 'author.id', 'revisions.author_id')
      .leftJoin('users as publisher', 'publisher.id', 'revisions.published_by')
      .where(`revisions.${this.owner}`, '=', ownerId)
      .select([
        'revisions.id',
        'revisions.status',
        'revisions.note',
        'revisions.updated_at',
        'revisions.published_at',
        'author.name as author',
        'publisher.name as publisher'
      ])
      .orderBy('revisions.id', 'desc')
      .execute();
  }

  private decode(row: {
    id: number;
    status: RevisionStatus;
    note: string | null;
    data: unknown;
    author_id: string | null;
    updated_at: string;
    published_at: string | null;
  }): Revision<R> {
    return {
      id: row.id,
      status: row.status,
      note: row.note,
      authorId: row.author_id,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      data: this.schema.parse(readJson(row.data))
    };
  }
}
