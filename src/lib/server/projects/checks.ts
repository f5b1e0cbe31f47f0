import { projectInput, type ProjectInput, type ProjectRecord } from '$lib/shared/project';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import { plainText, sanitizeRichText } from '../content/rich-text';
import type { Asset } from '../media/repository';

export type ProjectCheck =
  { ok: true; record: ProjectRecord } | { ok: false; errors: FieldError[] };

/** What a project points at, looked up by the caller. */
export interface ProjectContext {
  /** The owner's files among those the gallery names. */
  assets: Map<number, Asset>;
  /** Member museums among those the project names (participants, venues). */
  museums: Set<number>;
  /** Events among those the project names. */
  events: Set<number>;
  /** News among those the project names. */
  news: Set<number>;
}

type Pair = { ru: string; en: string };
const plainPair = <T extends Pair | null | undefined>(value: T): T =>
  value ? { ...value, ru: plainText(value.ru), en: plainText(value.en) } : value;
const richPair = <T extends Pair | null | undefined>(value: T): T =>
  value ? { ...value, ru: sanitizeRichText(value.ru), en: sanitizeRichText(value.en) } : value;

/** Goals and the story are rich text through the one sanitiser; everything else is plain text. */
export function cleanProject(record: ProjectRecord): ProjectRecord {
  return {
    ...record,
    title: plainPair(record.title),
    summary: plainPair(record.summary),
    periodText: plainPair(record.periodText),
    funder: plainPair(record.funder),
    grantProgramme: plainPair(record.grantProgramme),
    goals: richPair(record.goals),
    description: richPair(record.description),
    partners: record.partners.map(plainPair),
    results: { ...record.results, lines: record.results.lines.map(plainPair) },
    gallery: record.gallery.map((g) => ({ ...g, caption: plainPair(g.caption) })),
    stops: record.stops.map((s) => ({
      ...s,
      district: plainPair(s.district),
      programme: plainPair(s.programme),
      venue: s.venue.kind === 'place' ? { ...s.venue, name: plainPair(s.venue.name) } : s.venue
    }))
  };
}

/** The member museums a project names: participants and the stops held at a museum. */
export function projectMuseums(record: ProjectRecord): number[] {
  return [
    ...new Set([
      ...record.museumIds,
      ...record.stops.flatMap((s) => (s.venue.kind === 'museum' ? [s.venue.museumId] : []))
    ])
  ];
}

/** Positive integers under `assetId` and `museumId(s)` keys of a raw input, to look them up. */
export function rawReferences(
  value: unknown,
  out = {
    assets: new Set<number>(),
    museums: new Set<number>(),
    events: new Set<number>(),
    news: new Set<number>()
  }
) {
  if (Array.isArray(value)) value.forEach((v) => rawReferences(v, out));
  else if (value && typeof value === 'object')
    for (const [name, inner] of Object.entries(value)) {
      const isId = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0;
      if (name === 'assetId' && isId(inner)) out.assets.add(inner as number);
      else if (name === 'museumId' && isId(inner)) out.museums.add(inner as number);
      else if (name === 'museumIds' && Array.isArray(inner))
        inner.filter(isId).forEach((n) => out.museums.add(n as number));
      else if (name === 'eventIds' && Array.isArray(inner))
        inner.filter(isId).forEach((n) => out.events.add(n as number));
      else if (name === 'newsIds' && Array.isArray(inner))
        inner.filter(isId).forEach((n) => out.news.add(n as number));
      else rawReferences(inner, out);
    }
  return out;
}

/**
 * Checks a project as staff send it, messages in both languages keyed by field path. For
 * visitors (review, publishing) every gallery image must be processed and described for blind
 * visitors, and a stop's dates must fall within the project's period.
 */
export function checkProject(
  input: ProjectInput,
  context: ProjectContext,
  forVisitors: boolean
): ProjectCheck {
  const parsed = checkInBothLanguages(projectInput, input);
  if (!parsed.ok) return parsed;
  // Cleaning can empty a field ("<script>…</script>" as a title): check again after it.
  const cleaned = checkInBothLanguages(projectInput, cleanProject(parsed.data));
  if (!cleaned.ok) return cleaned;
  const record = cleaned.data;
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  record.stops.forEach((stop, i) => {
    if (keys.has(stop.key)) errors.push({ field: `stops.${i}.key`, message: duplicateKey });
    keys.add(stop.key);
    if (stop.venue.kind === 'museum' && !context.museums.has(stop.venue.museumId))
      errors.push({ field: `stops.${i}.venue.museumId`, message: notAMuseum });
    if (
      stop.venue.kind === 'place' &&
      (stop.venue.latitude == null) !== (stop.venue.longitude == null)
    )
      errors.push({ field: `stops.${i}.venue.latitude`, message: halfAPoint });
    if (forVisitors) {
      const { start, end } = record.period;
      const outside = (day: string | null | undefined) =>
        !!day && (day < start || (!!end && day > end));
      if (outside(stop.startsOn) || outside(stop.endsOn))
        errors.push({ field: `stops.${i}.startsOn`, message: outsidePeriod });
    }
  });
  record.museumIds.forEach((id, i) => {
    if (!context.museums.has(id)) errors.push({ field: `museumIds.${i}`, message: notAMuseum });
  });
  record.eventIds.forEach((id, i) => {
    if (!context.events.has(id)) errors.push({ field: `eventIds.${i}`, message: notAnEvent });
  });
  record.newsIds.forEach((id, i) => {
    if (!context.news.has(id)) errors.push({ field: `newsIds.${i}`, message: notNews });
  });
  record.gallery.forEach((photo, i) => {
    const field = `gallery.${i}.assetId`;
    const asset = context.assets.get(photo.assetId);
    if (!asset || asset.kind !== 'image') {
      errors.push({ field, message: notInLibrary });
      return;
    }
    if (!forVisitors) return;
    if (asset.status !== 'ready')
      errors.push({
        field,
        message: {
          ru: `Изображение «${asset.fileName}» ещё не готово. Подождите или повторите обработку в медиатеке.`,
          en: `The image “${asset.fileName}” is not ready yet. Wait or retry it in the media library.`
        }
      });
    else if (!asset.alt.ru || !asset.alt.en)
      errors.push({
        field,
        message: {
          ru: `У изображения «${asset.fileName}» нет описания для незрячих посетителей (alt) на обоих языках. Добавьте его в медиатеке.`,
          en: `The image “${asset.fileName}” lacks text for blind visitors (alt) in both languages. Add it in the media library.`
        }
      });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record };
}

const duplicateKey = {
  ru: 'Такой ключ остановки уже есть. Ключи в проекте не повторяются.',
  en: 'This stop key is already used. Keys within a project must differ.'
};
const notAMuseum = {
  ru: 'Такого музея нет в ассоциации. Выберите музей из списка.',
  en: 'There is no such member museum. Choose one from the list.'
};
const notAnEvent = {
  ru: 'Такого мероприятия нет. Выберите мероприятие из списка.',
  en: 'There is no such event. Choose one from the list.'
};
const notNews = {
  ru: 'Такой новости нет. Выберите новость из списка.',
  en: 'There is no such news item. Choose one from the list.'
};
const halfAPoint = {
  ru: 'Укажите и широту, и долготу — или ни то, ни другое.',
  en: 'Give both latitude and longitude, or neither.'
};
const outsidePeriod = {
  ru: 'Даты остановки выходят за сроки проекта. Исправьте даты остановки или сроки проекта.',
  en: 'The stop’s dates fall outside the project’s period. Correct the stop’s dates or the period.'
};
const notInLibrary = {
  ru: 'Этого изображения нет в медиатеке. Выберите другое.',
  en: 'This image is not in the media library. Choose another.'
};
