import { eventInput, type EventInput, type EventRecord } from '$lib/shared/event';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import { plainText, sanitizeRichPair } from '../content/rich-text';
import { assertTimeZone } from '../hours/timezone';
import type { Asset } from '../media/repository';

export type EventCheck = { ok: true; record: EventRecord } | { ok: false; errors: FieldError[] };

/** What an event points at, looked up in the owner's data by the caller. */
export interface EventContext {
  /** The owner's assets among those the record names. */
  assets: Map<number, Asset>;
  /** Member museums among those the record names as its venue. */
  museums: Set<number>;
}

type Pair = { ru: string; en: string };
const plainPair = <T extends Pair | null | undefined>(value: T): T =>
  value ? { ...value, ru: plainText(value.ru), en: plainText(value.en) } : value;

/** Cleans every text of an event on its way in: the description is rich text, the rest plain. */
export function cleanEvent(record: EventRecord): EventRecord {
  return {
    ...record,
    title: plainPair(record.title),
    lead: plainPair(record.lead),
    description: sanitizeRichPair(record.description),
    statusNote: plainPair(record.statusNote),
    venue:
      record.venue.kind === 'address'
        ? { ...record.venue, address: plainPair(record.venue.address) }
        : record.venue,
    price:
      record.price.kind === 'ticketed'
        ? { ...record.price, text: plainPair(record.price.text) }
        : record.price,
    contact: record.contact
      ? {
          ...record.contact,
          name: plainPair(record.contact.name),
          position: plainPair(record.contact.position)
        }
      : record.contact,
    registration: {
      ...record.registration,
      questions: record.registration.questions.map((q) => ({ ...q, label: plainPair(q.label) }))
    }
  };
}

const say = (field: string, ru: string, en: string): FieldError => ({ field, message: { ru, en } });

/** The raw ids an input names, to look them up before checking. */
export function rawEventReferences(input: EventInput): { assets: number[]; museums: number[] } {
  const asset = Number(input?.coverAssetId);
  const venue = input?.venue?.kind === 'museum' ? Number(input.venue.museumId) : NaN;
  return {
    assets: Number.isInteger(asset) && asset > 0 ? [asset] : [],
    museums: Number.isInteger(venue) && venue > 0 ? [venue] : []
  };
}

/**
 * Checks an event as staff send it, with messages in both languages keyed by field path. For
 * visitors (review, publishing) the cover must be processed and described for blind visitors.
 */
export function checkEvent(
  input: EventInput,
  context: EventContext,
  forVisitors: boolean
): EventCheck {
  const parsed = checkInBothLanguages(eventInput, input);
  if (!parsed.ok) return parsed;
  // Cleaning can empty a field ("<script>…</script>" as a title): check again after it.
  const cleaned = checkInBothLanguages(eventInput, cleanEvent(parsed.data));
  if (!cleaned.ok) return cleaned;
  const record = cleaned.data;
  const errors: FieldError[] = [];
  if (record.venue.kind === 'museum' && !context.museums.has(record.venue.museumId))
    errors.push(
      say(
        'venue.museumId',
        'Такого музея нет. Выберите музей из списка.',
        'There is no such museum. Choose one from the list.'
      )
    );
  if (record.venue.kind === 'address' && record.venue.timeZone)
    try {
      assertTimeZone(record.venue.timeZone);
    } catch {
      errors.push(
        say(
          'venue.timeZone',
          'Неизвестный часовой пояс. Например: Asia/Vladivostok.',
          'Unknown time zone. For example: Asia/Vladivostok.'
        )
      );
    }
  if (record.coverAssetId) {
    const asset = context.assets.get(record.coverAssetId);
    if (!asset || asset.kind !== 'image')
      errors.push(
        say(
          'coverAssetId',
          'Этого изображения нет в медиатеке. Выберите другое.',
          'This image is not in the media library. Choose another.'
        )
      );
    else if (forVisitors && asset.status !== 'ready')
      errors.push(
        say(
          'coverAssetId',
          `Изображение «${asset.fileName}» ещё не готово. Подождите или повторите обработку в медиатеке.`,
          `The image “${asset.fileName}” is not ready yet. Wait or retry it in the media library.`
        )
      );
    else if (forVisitors && (!asset.alt.ru || !asset.alt.en))
      errors.push(
        say(
          'coverAssetId',
          `У изображения «${asset.fileName}» нет описания для незрячих посетителей (alt) на обоих языках. Добавьте его в медиатеке.`,
          `The image “${asset.fileName}” lacks text for blind visitors (alt) in both languages. Add it in the media library.`
        )
      );
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record };
}
