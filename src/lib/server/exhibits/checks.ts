import { exhibitInput, type ExhibitInput, type ExhibitRecord } from '$lib/shared/exhibit';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import { plainText } from '../content/rich-text';
import type { Asset } from '../media/repository';

export type ExhibitCheck =
  { ok: true; record: ExhibitRecord } | { ok: false; errors: FieldError[] };

/** What an exhibit's record points at, looked up in the museum's data by the caller. */
export interface ExhibitContext {
  /** The museum's assets among those the record names. */
  assets: Map<number, Asset>;
  /** The museum's collection ids. */
  collections: Set<number>;
  /** Exhibits of the museum among those the record names as related. */
  related: Set<number>;
  /** Whether another exhibit of the museum has the inventory number. */
  inventoryTaken: boolean;
  /** The exhibit itself (not related to itself); null for a new one. */
  selfId: number | null;
}

const pair = (value: { ru: string; en: string }) => ({
  ru: plainText(value.ru),
  en: plainText(value.en)
});

/** Every text of an exhibit is plain text: a tag typed or imported is dropped, never rendered. */
export function cleanExhibit(record: ExhibitRecord): ExhibitRecord {
  return {
    ...record,
    inventoryNumber: plainText(record.inventoryNumber),
    title: pair(record.title),
    // Paragraph breaks survive: only tags go.
    description: {
      ru: record.description.ru
        .split(/\n{2,}/)
        .map((p) => plainText(p))
        .filter(Boolean)
        .join('\n\n'),
      en: record.description.en
        .split(/\n{2,}/)
        .map((p) => plainText(p))
        .filter(Boolean)
        .join('\n\n')
    },
    dating: pair(record.dating),
    maker: pair(record.maker),
    place: pair(record.place),
    technique: pair(record.technique),
    dimensions: pair(record.dimensions),
    provenance: pair(record.provenance),
    hall: pair(record.hall),
    tags: [...new Set(record.tags.map((t) => plainText(t)).filter(Boolean))],
    rights: { ...record.rights, credit: plainText(record.rights.credit) },
    media: [...new Set(record.media)],
    related: [...new Set(record.related)]
  };
}

/** Ids of files and exhibits a raw input names, to look them up before checking. */
export function exhibitReferences(input: ExhibitInput) {
  const ids = (list: unknown) =>
    Array.isArray(list) ? list.filter((v): v is number => Number.isInteger(v) && v > 0) : [];
  return { assets: ids(input.media), related: ids(input.related) };
}

/**
 * Checks an exhibit as staff send it (or an import row reads). Messages in both languages, keyed
 * by field path. For visitors (review, publishing) every image needs its alt text and must be
 * processed.
 */
export function checkExhibit(
  input: ExhibitInput,
  context: ExhibitContext,
  forVisitors: boolean
): ExhibitCheck {
  const parsed = checkInBothLanguages(exhibitInput, input);
  if (!parsed.ok) return parsed;
  // Cleaning can empty a field ("<b></b>" as a title): check again after it.
  const cleaned = checkInBothLanguages(exhibitInput, cleanExhibit(parsed.data));
  if (!cleaned.ok) return cleaned;
  const record = cleaned.data;
  const errors: FieldError[] = [];
  if (context.inventoryTaken)
    errors.push({
      field: 'inventoryNumber',
      message: {
        ru: `В музее уже есть предмет с инвентарным номером ${record.inventoryNumber}. Проверьте номер.`,
        en: `The museum already has an object with inventory number ${record.inventoryNumber}. Check the number.`
      }
    });
  if (record.collectionId && !context.collections.has(record.collectionId))
    errors.push({
      field: 'collectionId',
      message: {
        ru: 'Такой коллекции у музея нет. Выберите одну из коллекций музея.',
        en: 'The museum has no such collection. Choose one of its collections.'
      }
    });
  record.related.forEach((id, i) => {
    if (id === context.selfId || !context.related.has(id))
      errors.push({
        field: `related.${i}`,
        message: {
          ru: 'Связанным может быть только другой предмет того же музея.',
          en: 'Only another object of the same museum can be related.'
        }
      });
  });
  record.media.forEach((id, i) => {
    const asset = context.assets.get(id);
    const field = `media.${i}`;
    if (!asset) {
      errors.push({
        field,
        message: {
          ru: 'Этого файла нет в медиатеке музея. Выберите другой.',
          en: 'This file is not in the museum’s media library. Choose another.'
        }
      });
      return;
    }
    if (!forVisitors || (asset.kind !== 'image' && asset.kind !== 'panorama')) return;
    if (asset.status !== 'ready')
      errors.push({
        field,
        message: {
          ru: `Изображение «${asset.fileName}» ещё не готово (обрабатывается или не обработано). Подождите или повторите обработку в медиатеке.`,
          en: `The image “${asset.fileName}” is not ready (being processed or failed). Wait or retry it in the media library.`
        }
      });
    else if (!asset.alt.ru)
      errors.push({
        field,
        message: {
          ru: `У изображения «${asset.fileName}» нет описания для незрячих посетителей (alt). Добавьте его в медиатеке.`,
          en: `The image “${asset.fileName}” has no text for blind visitors (alt). Add it in the media library.`
        }
      });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record };
}
