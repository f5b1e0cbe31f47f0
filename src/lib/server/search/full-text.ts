import {
  sql,
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  type Transaction
} from 'kysely';
import type { Dialect } from '../db/connection';
import type { DB } from '../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The two places where SQLite and PostgreSQL search differ: how an entry's terms are stored and
 * how "has all these terms" is asked. Terms come from the analyzer on both sides and are stored
 * as they are (no database-side parsing or stemming), so both dialects match the same rows.
 */
export interface FullText {
  /** The term columns of `search_entries` (PostgreSQL); none where the terms live apart. */
  columns(
    title: string[],
    body: string[],
    facets: string[]
  ): Partial<Record<TermColumn, Expression<string>>>;
  /** Stores the terms of entries already written (SQLite's FTS5 table). */
  write(
    trx: Executor,
    rows: { id: number; title: string[]; body: string[]; facets: string[] }[]
  ): Promise<void>;
  /**
   * `search_entries.id` has every term: anywhere, all in the title, or anywhere but not all in
   * the title (`elsewhere`: the second tier of relevance, without the first).
   */
  matches(terms: string[], where: TermsWhere): Expression<SqlBool>;
  /**
   * The same condition as `matches`, put so that the term index drives the query: the rows come
   * in `order` (the entry's id) and a LIMIT stops reading, where `matches` as a condition may
   * first collect every match (SQLite reads an IN subquery whole). For relevance pages and facets.
   */
  within(
    db: Kysely<DB>,
    terms: string[],
    where: TermsWhere,
    /** SQLite: facet words (facet-tokens.ts), one of each group, to narrow in the index. */
    facets?: string[][]
  ): SelectQueryBuilder<DB, 'search_entries', object>;
  /** The entry's id as the term index hands its rows out, for ORDER BY with `within`. */
  order: Expression<number>;
}

export type TermsWhere = 'anywhere' | 'title' | 'elsewhere';
type TermColumn = 'terms' | 'title_terms' | 'body_terms';

export function fullText(dialect: Dialect): FullText {
  return dialect === 'postgres' ? postgres : sqlite;
}

// A lexeme quoted for tsvector/tsquery input, which takes it literally.
const lexeme = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

const postgres: FullText = {
  columns(title, body, facets) {
    // Weight A for title terms, B for the rest; one position is enough, nothing asks for phrases.
    const inTitle = new Set(title);
    const elsewhere = [...new Set(body)].filter((t) => !inTitle.has(t));
    const parts = [...inTitle].map((t) => `${lexeme(t)}:1A`);
    for (const t of elsewhere) parts.push(`${lexeme(t)}:1B`);
    // The facet words too, marked so no word of a text is one: a filtered search is then one
    // GIN scan that meets the rare word and the common facet inside the index.
    for (const f of facets) parts.push(lexeme(facetLexeme(f)));
    const vector = (lexemes: string[]) => sql<string>`${lexemes.join(' ')}::tsvector`;
    // The title's terms and the others' apart as well, without positions: the planner keeps
    // statistics per column, not per weight, and a relevance tier needs the true number of
    // its matches to choose between walking the ids and collecting the matches.
    return {
      terms: vector(parts),
      title_terms: vector([...inTitle].map(lexeme)),
      body_terms: vector(elsewhere.map(lexeme))
    };
  },
  async write() {},
  matches(terms, where) {
    const all = terms.map(lexeme).join(' & ');
    if (where === 'title') return sql<SqlBool>`search_entries.title_terms @@ ${all}::tsquery`;
    if (where === 'anywhere') return sql<SqlBool>`search_entries.terms @@ ${all}::tsquery`;
    // One word not in the title is a word elsewhere; of several, at least one is elsewhere.
    if (terms.length === 1) return sql<SqlBool>`search_entries.body_terms @@ ${all}::tsquery`;
    return sql<SqlBool>`(search_entries.terms @@ ${all}::tsquery AND NOT search_entries.title_terms @@ ${all}::tsquery)`;
  },
  within(db, terms, where, facets = []) {
    const query = db.selectFrom('search_entries');
    if (facets.length === 0) return query.where(postgres.matches(terms, where));
    const narrowed = facets
      .map((group) => `(${group.map((f) => lexeme(facetLexeme(f))).join(' | ')})`)
      .join(' & ');
    if (where === 'anywhere')
      return query.where(
        sql<SqlBool>`search_entries.terms @@ ${`${terms.map(lexeme).join(' & ')} & ${narrowed}`}::tsquery`
      );
    return query
      .where(postgres.matches(terms, where))
      .where(sql<SqlBool>`search_entries.terms @@ ${narrowed}::tsquery`);
  },
  order: sql.ref('search_entries.id')
};

/** A facet word as a PostgreSQL lexeme: "#" is never part of an analysed term. */
const facetLexeme = (word: string) => `#${word}`;

// An FTS5 string: each term a quoted phrase.
const phrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

const sqlite: FullText = {
  columns() {
    return {};
  },
  async write(trx, rows) {
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    // contentless_delete: a replaced entry's old terms are removed by rowid.
    await sql`DELETE FROM search_terms WHERE rowid IN (${sql.join(ids)})`.execute(trx);
    await trx
      .insertInto('search_terms')
      .values(
        rows.map((r) => ({
          rowid: r.id,
          title: r.title.join(' '),
          body: r.body.join(' '),
          facets: r.facets.join(' ')
        }))
      )
      .execute();
  },
  matches(terms, where) {
    return sql<SqlBool>`search_entries.id IN (SELECT rowid FROM search_terms WHERE search_terms MATCH ${ftsQuery(terms, where)})`;
  },
  within(db, terms, where, facets = []) {
    // The FTS5 table as the outer loop — CROSS JOIN keeps SQLite from starting at an index of
    // the other conditions (a category's 77,000 rows, each probing the terms): it yields
    // rowids in order, so ORDER BY rowid LIMIT n reads n matches and those the other conditions
    // skip, not all of them. The FTS table stays out of the type: only `order` names it.
    return db
      .selectFrom('search_terms')
      .crossJoin('search_entries')
      .whereRef('search_entries.id', '=', 'search_terms.rowid')
      .where(
        sql<SqlBool>`search_terms MATCH ${[
          `(${ftsQuery(terms, where)})`,
          ...facets.map((group) => `facets : (${group.map(phrase).join(' OR ')})`)
        ].join(' AND ')}`
      ) as unknown as SelectQueryBuilder<DB, 'search_entries', object>;
  },
  order: sql.ref('search_terms.rowid')
};

function ftsQuery(terms: string[], where: TermsWhere): string {
  const anywhere = terms.map(phrase).join(' AND ');
  const title = terms.map((t) => `title : ${phrase(t)}`).join(' AND ');
  return where === 'title'
    ? title
    : where === 'elsewhere'
      ? `(${anywhere}) NOT (${title})`
      : anywhere;
}
