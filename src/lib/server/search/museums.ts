import { profileLabel } from '$lib/components/museums/labels';
import type { SearchIndex } from './index';
import type { SearchRepository } from './repository';
import type { SearchDocument } from './types';

type MuseumRow = Awaited<ReturnType<SearchRepository['publishedMuseums']>>[number];

/** Keeps the museums' entries in the search index: all at start-up, one when it is published. */
export class MuseumSearchFeed {
  constructor(
    private readonly museums: SearchRepository,
    private readonly index: SearchIndex
  ) {}

  /** Indexes every published museum when the index has none (a first start, demo data). */
  async fillIfEmpty(): Promise<boolean> {
    if ((await this.index.count('museum')) > 0) return false;
    await this.index.put((await this.museums.publishedMuseums()).map(museumDocument));
    return true;
  }

  /** Writes one museum's entry again, or removes it when the museum is no longer published. */
  async refresh(museumId: number): Promise<void> {
    const [row] = await this.museums.publishedMuseums([museumId]);
    if (row) await this.index.put([museumDocument(row)]);
    else await this.index.remove('museum', museumId);
  }
}

export function museumDocument(row: MuseumRow): SearchDocument {
  const text = (...parts: (string | null | undefined)[]) =>
    parts
      .filter(Boolean)
      .map((p) => htmlToText(p ?? ''))
      .join('\n');
  return {
    kind: 'museum',
    refId: row.id,
    museumId: row.id,
    path: `/museums/${row.slug}`,
    title: { ru: row.name_ru, en: row.name_en },
    summary: { ru: htmlToText(row.summary_ru ?? ''), en: htmlToText(row.summary_en ?? '') },
    body: {
      ru: text(
        row.short_name_ru,
        profileLabel(row.profile, 'ru'),
        row.settlement_ru,
        row.district_ru,
        row.address_ru,
        row.about_ru
      ),
      en: text(
        row.short_name_en,
        profileLabel(row.profile, 'en'),
        row.settlement_en,
        row.district_en,
        row.address_en,
        row.about_en
      )
    },
    imageAssetId: row.photo_id ?? null
  };
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' '
};

/** Rich text (our sanitised HTML) as plain text for the index and its snippets. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/?(p|br|li|h\d|blockquote|ul|ol)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (all, name: string) => entities[name] ?? all)
    .replace(/[ \t]+/g, ' ')
    .trim();
}
