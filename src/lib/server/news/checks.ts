import { newsInput, type NewsInput, type NewsRecord } from '$lib/shared/news';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import { plainText, sanitizeRichText } from '../content/rich-text';
import type { Asset } from '../media/repository';

export type NewsCheck = { ok: true; record: NewsRecord } | { ok: false; errors: FieldError[] };

/** What a news item points at, looked up in its owner's data by the caller. */
export interface NewsContext {
  /** The owner's assets among those the record names. */
  assets: Map<number, Asset>;
  /** Member museums that may be named as what the news is about. */
  museums: Set<number>;
}

type Pair = { ru: string; en: string };
const plainPair = <T extends Pair | null | undefined>(value: T): T =>
  value ? { ...value, ru: plainText(value.ru), en: plainText(value.en) } : value;

/** Every text cleaned on its way in: the body through the one sanitiser, the rest plain text. */
export function cleanNews(record: NewsRecord): NewsRecord {
  return {
    ...record,
    title: plainPair(record.title),
    lead: plainPair(record.lead),
    body: { ru: sanitizeRichText(record.body.ru), en: sanitizeRichText(record.body.en) },
    gallery: record.gallery.map((p) => ({ ...p, caption: plainPair(p.caption) })),
    tags: record.tags.map(plainPair),
    museumIds: [...new Set(record.museumIds)],
    eventIds: [...new Set(record.eventIds)],
    projectIds: [...new Set(record.projectIds)]
  };
}

/** Every file a news item names, with the field that names it. */
export function newsAssets(record: NewsRecord): { field: string; assetId: number }[] {
  return [
    ...(record.coverAssetId ? [{ field: 'coverAssetId', assetId: record.coverAssetId }] : []),
    ...record.gallery.map((p, i) => ({ field: `gallery.${i}.assetId`, assetId: p.assetId }))
  ];
}

/** Positive integers under `assetId` keys of a raw input, to look them up. */
export function rawAssetIds(input: NewsInput): number[] {
  const ids = [Number(input.coverAssetId), ...(input.gallery ?? []).map((p) => Number(p?.assetId))];
  return ids.filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * Checks a news item as staff send it; messages in both languages keyed by field path. For
 * visitors (review, publishing, a schedule) every picture must be processed and described for
 * blind visitors, and the body must say something.
 */
export function checkNews(input: NewsInput, context: NewsContext, forVisitors: boolean): NewsCheck {
  const parsed = checkInBothLanguages(newsInput, input);
  if (!parsed.ok) return parsed;
  // Cleaning can empty a field ("<script>…</script>" as a title): check again after it.
  const cleaned = checkInBothLanguages(newsInput, cleanNews(parsed.data));
  if (!cleaned.ok) return cleaned;
  const record = cleaned.data;
  const errors: FieldError[] = [];
  for (const ref of newsAssets(record)) {
    const asset = context.assets.get(ref.assetId);
    if (!asset || asset.kind !== 'image') {
      errors.push({ field: ref.field, message: notInLibrary });
      continue;
    }
    if (!forVisitors) continue;
    if (asset.status !== 'ready')
      errors.push({
        field: ref.field,
        message: {
          ru: `Изображение «${asset.fileName}» ещё не готово (обрабатывается или не обработано). Подождите или повторите обработку в медиатеке.`,
          en: `The image “${asset.fileName}” is not ready (being processed or failed). Wait or retry it in the media library.`
        }
      });
    else if (!asset.alt.ru || !asset.alt.en)
      errors.push({
        field: ref.field,
        message: {
          ru: `У изображения «${asset.fileName}» нет описания для незрячих посетителей (alt) на обоих языках. Добавьте его в медиатеке.`,
          en: `The image “${asset.fileName}” lacks text for blind visitors (alt) in both languages. Add it in the media library.`
        }
      });
  }
  record.museumIds.forEach((museumId, i) => {
    if (!context.museums.has(museumId))
      errors.push({
        field: `museumIds.${i}`,
        message: {
          ru: 'Такого музея нет среди участников ассоциации.',
          en: 'There is no such member museum.'
        }
      });
  });
  if (forVisitors)
    for (const lang of ['ru', 'en'] as const) {
      if (!record.lead[lang])
        errors.push({
          field: `lead.${lang}`,
          message: {
            ru: 'Напишите вводку: одно-два предложения о главном.',
            en: 'Write the lead: a sentence or two about what matters.'
          }
        });
      if (!textOf(record.body[lang]))
        errors.push({
          field: `body.${lang}`,
          message: {
            ru: 'Текст новости пуст. Напишите его, прежде чем публиковать.',
            en: 'The news has no text. Write it before publishing.'
          }
        });
    }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record };
}

const textOf = (html: string) => html.replace(/<[^>]*>/g, '').trim();

const notInLibrary = {
  ru: 'Этого изображения нет в медиатеке. Выберите другое.',
  en: 'This image is not in the media library. Choose another.'
};
