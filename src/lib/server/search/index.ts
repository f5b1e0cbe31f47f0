import { analyze, normalize } from './analyzer';
import type { EntryWrite, SearchRepository } from './repository';
import type { SearchDocument, SearchKind } from './types';

/**
 * Where the parts of the site put what visitors can find. Each owner calls `put` when a thing is
 * published or changed and `remove` when it is withdrawn; `put` replaces by kind + ref id, so
 * calling it twice is harmless.
 */
export class SearchIndex {
  constructor(private readonly entries: SearchRepository) {}

  /** Writes the documents (new or replacing) in one transaction. */
  async put(docs: SearchDocument[]): Promise<void> {
    await this.entries.upsert(docs.map(entryOf));
  }

  async remove(kind: SearchKind, refId: number | number[]): Promise<void> {
    await this.entries.remove(kind, Array.isArray(refId) ? refId : [refId]);
  }

  /** Everything of a museum (its own entry, its exhibits …). */
  async removeMuseum(museumId: number): Promise<void> {
    await this.entries.removeMuseum(museumId);
  }

  async count(kind?: SearchKind): Promise<number> {
    return this.entries.count(kind);
  }
}

const words = (text: string) => (text ? analyze(text).split(' ').filter(Boolean) : []);

/** A title as it sorts: lower case, ё as е, words only («Музей» under М, not under «). */
export function sortTitle(title: string): string {
  return (normalize(title).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ').slice(0, 200);
}

export function entryOf(doc: SearchDocument): EntryWrite {
  const e = doc.exhibit;
  const yearFrom = e?.yearFrom ?? null;
  const yearTo = e?.yearTo ?? null;
  return {
    values: {
      kind: doc.kind,
      ref_id: doc.refId,
      museum_id: doc.museumId,
      path: doc.path,
      title_ru: doc.title.ru,
      title_en: doc.title.en,
      summary_ru: doc.summary.ru,
      summary_en: doc.summary.en,
      body_ru: doc.body.ru,
      body_en: doc.body.en,
      image_asset_id: doc.imageAssetId,
      has_image: doc.imageAssetId == null ? 0 : 1,
      collection_id: e?.collectionId ?? null,
      category: e?.category ?? null,
      material: e?.material ?? null,
      year_from: yearFrom,
      year_to: yearTo,
      date: doc.date ?? null,
      sort_title_ru: sortTitle(doc.title.ru),
      sort_title_en: sortTitle(doc.title.en || doc.title.ru),
      sort_year: yearFrom ?? yearTo ?? 9999,
      sort_date: doc.date ? Number(doc.date.slice(0, 10).replaceAll('-', '')) : 0
    },
    title: [...words(doc.title.ru), ...words(doc.title.en)],
    body: [
      ...words(doc.summary.ru),
      ...words(doc.summary.en),
      ...words(doc.body.ru),
      ...words(doc.body.en)
    ]
  };
}
