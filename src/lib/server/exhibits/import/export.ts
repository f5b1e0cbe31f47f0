import { Readable } from 'node:stream';
import { csvFile, escapeFormula, xlsxFile } from '../../content/table-file';
import type { ExhibitCategory, ExhibitMaterial, ExhibitRecord } from '$lib/shared/exhibit';
import type { Locale } from '$lib/shared/museum';
import { requireAccess, type Actor } from '../../auth/access';
import type { ExportState, ImportRepository } from './repository';

export const exportFormats = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Words of the controlled lists in the reader's language (the staff labels). */
export interface ExportLabels {
  category(code: ExhibitCategory, locale: Locale): string;
  material(code: ExhibitMaterial, locale: Locale): string;
}

interface ExportedExhibit {
  id: number;
  record: ExhibitRecord;
  state: ExportState;
  collection: string;
  images: string[];
}

/**
 * Columns of a table export, headed as the import recognises them, so an exported file can be
 * edited in Excel and imported again.
 */
const columns: {
  header: { ru: string; en: string };
  value: (e: ExportedExhibit, locale: Locale, labels: ExportLabels) => string | number | null;
}[] = [
  { header: { ru: 'Инв. №', en: 'Inventory number' }, value: (e) => e.record.inventoryNumber },
  { header: { ru: 'Наименование', en: 'Title' }, value: (e) => e.record.title.ru },
  { header: { ru: 'Название (англ.)', en: 'Title (en)' }, value: (e) => e.record.title.en },
  { header: { ru: 'Датировка', en: 'Dating' }, value: (e) => e.record.dating.ru },
  { header: { ru: 'Год от', en: 'Year from' }, value: (e) => e.record.yearFrom ?? null },
  { header: { ru: 'Год до', en: 'Year to' }, value: (e) => e.record.yearTo ?? null },
  { header: { ru: 'Автор', en: 'Maker' }, value: (e) => e.record.maker.ru },
  { header: { ru: 'Место создания', en: 'Place' }, value: (e) => e.record.place.ru },
  {
    header: { ru: 'Материал, техника', en: 'Material and technique' },
    value: (e) => e.record.technique.ru
  },
  {
    header: { ru: 'Материал', en: 'Material' },
    value: (e, locale, labels) =>
      e.record.material ? labels.material(e.record.material, locale) : ''
  },
  { header: { ru: 'Размеры', en: 'Dimensions' }, value: (e) => e.record.dimensions.ru },
  {
    header: { ru: 'Категория', en: 'Category' },
    value: (e, locale, labels) => labels.category(e.record.category, locale)
  },
  { header: { ru: 'Коллекция', en: 'Collection' }, value: (e) => e.collection },
  { header: { ru: 'Описание', en: 'Description' }, value: (e) => e.record.description.ru },
  {
    header: { ru: 'Описание (англ.)', en: 'Description (en)' },
    value: (e) => e.record.description.en
  },
  { header: { ru: 'Происхождение', en: 'Provenance' }, value: (e) => e.record.provenance.ru },
  { header: { ru: 'Теги', en: 'Tags' }, value: (e) => e.record.tags.join('; ') },
  { header: { ru: 'Зал', en: 'Hall' }, value: (e) => e.record.hall.ru },
  { header: { ru: 'Изображение', en: 'Image' }, value: (e) => e.images.join('; ') },
  { header: { ru: 'Правообладатель', en: 'Credit' }, value: (e) => e.record.rights.credit },
  {
    header: { ru: 'Состояние', en: 'State' },
    value: (e, locale) => stateWords[e.state][locale]
  }
];

const stateWords: Record<ExportState, { ru: string; en: string }> = {
  published: { ru: 'опубликован', en: 'published' },
  draft: { ru: 'черновик', en: 'draft' },
  review: { ru: 'на проверке', en: 'waiting for review' }
};

export { escapeFormula };

/** The museum's exhibits as a file, streamed a batch at a time. */
export class ExhibitExport {
  constructor(
    private readonly imports: ImportRepository,
    private readonly labels: ExportLabels
  ) {}

  /** Throws "not found or no access" unless the actor may read the museum's drafts. */
  authorize(actor: Actor | null, museumId: number): Actor {
    return requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
  }

  /**
   * Staff of the museum only: the published records, or with `drafts` the versions being
   * worked on as well.
   */
  stream(
    actor: Actor | null,
    museumId: number,
    options: { format: ExportFormat; drafts: boolean; locale: Locale }
  ): Readable {
    this.authorize(actor, museumId);
    const exhibits = this.exhibits(museumId, options.drafts);
    switch (options.format) {
      case 'csv':
        return this.csv(exhibits, options.locale);
      case 'xlsx':
        return this.xlsx(exhibits, options.locale);
      case 'json':
        return Readable.from(json(exhibits));
    }
  }

  private async *exhibits(museumId: number, drafts: boolean): AsyncGenerator<ExportedExhibit> {
    const collections = new Map(
      (await this.imports.collections(museumId)).map((c) => [c.id, c.title_ru])
    );
    for await (const batch of this.imports.exhibitsForExport(museumId, drafts)) {
      const names = await this.imports.fileNames([
        ...new Set(batch.flatMap((e) => e.record.media))
      ]);
      for (const exhibit of batch)
        yield {
          ...exhibit,
          collection: exhibit.record.collectionId
            ? (collections.get(exhibit.record.collectionId) ?? '')
            : '',
          images: exhibit.record.media.flatMap((id) => names.get(id) ?? [])
        };
    }
  }

  private async *rows(exhibits: AsyncGenerator<ExportedExhibit>, locale: Locale) {
    for await (const exhibit of exhibits)
      yield columns.map((c) => c.value(exhibit, locale, this.labels));
  }

  private csv(exhibits: AsyncGenerator<ExportedExhibit>, locale: Locale): Readable {
    return csvFile(
      columns.map((c) => c.header[locale]),
      this.rows(exhibits, locale),
      locale
    );
  }

  private xlsx(exhibits: AsyncGenerator<ExportedExhibit>, locale: Locale): Readable {
    return xlsxFile(
      columns.map((c) => c.header[locale]),
      this.rows(exhibits, locale),
      locale === 'ru' ? 'Предметы' : 'Exhibits'
    );
  }
}

/** A JSON array written one exhibit at a time: both languages, codes rather than words. */
async function* json(exhibits: AsyncGenerator<ExportedExhibit>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const exhibit of exhibits) {
    const { id, state, collection, images, record } = exhibit;
    yield `${first ? '\n' : ',\n'}${JSON.stringify({ id, state, collection, images, ...record })}`;
    first = false;
  }
  yield '\n]\n';
}
