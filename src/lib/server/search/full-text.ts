import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Dialect } from '../db/connection';
import type { DB } from '../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The two places where SQLite and PostgreSQL search differ: how an entry's terms are stored and
 * how "has all these terms" is asked. Terms come from the analyzer on both sides and are stored
 * as they are (no database-side parsing or stemming), so both dialects match the same rows.
 */
export interface FullText {
  /** The value of `search_entries.terms` (PostgreSQL), or undefined where it has no such column. */
  column(title: string[], body: string[]): Expression<string> | undefined;
  /** Stores the terms of entries already written (SQLite's FTS5 table). */
  write(trx: Executor, rows: { id: number; title: string[]; body: string[] }[]): Promise<void>;
  /** `search_entries.id` has every term (anywhere, or in the title). */
  matches(terms: string[], where: 'anywhere' | 'title'): Expression<SqlBool>;
}

export function fullText(dialect: Dialect): FullText {
  return dialect === 'postgres' ? postgres : sqlite;
}

// A lexeme quoted for tsvector/tsquery input, which takes it literally.
const lexeme = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

const postgres: FullText = {
  column(title, body) {
    // Weight A for title terms, B for the rest; one position is enough, nothing asks for phrases.
    const inTitle = new Set(title);
    const parts = [...inTitle].map((t) => `${lexeme(t)}:1A`);
    for (const t of new Set(body)) if (!inTitle.has(t)) parts.push(`${lexeme(t)}:1B`);
    return sql<string>`${parts.join(' ')}::tsvector`;
  },
  async write() {},
  matches(terms, where) {
    const weight = where === 'title' ? ':A' : '';
    const query = terms.map((t) => lexeme(t) + weight).join(' & ');
    return sql<SqlBool>`search_entries.terms @@ ${query}::tsquery`;
  }
};

// An FTS5 string: each term a quoted phrase.
const phrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

const sqlite: FullText = {
  column() {
    return undefined;
  },
  async write(trx, rows) {
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    // contentless_delete: a replaced entry's old terms are removed by rowid.
    await sql`DELETE FROM search_terms WHERE rowid IN (${sql.join(ids)})`.execute(trx);
    await trx
      .insertInto('search_terms')
      .values(rows.map((r) => ({ rowid: r.id, title: r.title.join(' '), body: r.body.join(' ') })))
      .execute();
  },
  matches(terms, where) {
    const query = terms
      .map((t) => (where === 'title' ? `title : ${phrase(t)}` : phrase(t)))
      .join(' AND ');
    return sql<SqlBool>`search_entries.id IN (SELECT rowid FROM search_terms WHERE search_terms MATCH ${query})`;
  }
};
