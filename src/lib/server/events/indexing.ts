import type { SearchWriter } from '../exhibits/indexing';
import type { SearchDocument } from '../search/types';
import { wordsOf } from '../content/rich-text';
import { eventPath } from '$lib/shared/event';
import { localDateOf } from '$lib/shared/event-time';
import type { EventRepository } from './repository';

type Published = Awaited<ReturnType<EventRepository['publishedAmong']>>[number];

/** An event as the search finds it: title, lead, description, place, contact; dated by its first session. */
export function eventDocument(found: Published, firstStartsAt: string | null): SearchDocument {
  const { record } = found;
  const body = (lang: 'ru' | 'en') =>
    [
      record.description ? wordsOf(record.description[lang]) : '',
      found.venueMuseum?.name[lang] ?? '',
      found.town?.[lang] ?? '',
      record.venue.kind === 'address' ? record.venue.address[lang] : '',
      record.contact?.name[lang] ?? ''
    ]
      .filter(Boolean)
      .join('\n');
  return {
    kind: 'event',
    refId: found.id,
    museumId: found.museumId,
    path: eventPath(found.museum?.slug ?? null, record.slug),
    title: record.title,
    summary: { ru: record.lead?.ru ?? '', en: record.lead?.en ?? '' },
    body: { ru: body('ru'), en: body('en') },
    imageAssetId: record.coverAssetId ?? null,
    date: firstStartsAt ? localDateOf(firstStartsAt, found.timeZone) : null
  };
}

/** Keeps the search index in step with the published events. */
export class EventIndexer {
  constructor(
    private readonly events: EventRepository,
    private readonly index: SearchWriter
  ) {}

  /** After an event was published (or withdrawn): its entry follows. */
  async reindex(eventId: number): Promise<void> {
    const [found] = await this.events.publishedAmong([eventId]);
    if (!found) return this.index.remove('event', eventId);
    await this.index.put([eventDocument(found, await this.firstStart(eventId))]);
  }

  /** Every published event (start-up on an empty index). */
  async reindexAll(): Promise<number> {
    const ids = await this.events.publishedIds();
    for (let i = 0; i < ids.length; i += 200) {
      const batch = await this.events.publishedAmong(ids.slice(i, i + 200));
      const docs: SearchDocument[] = [];
      for (const found of batch) docs.push(eventDocument(found, await this.firstStart(found.id)));
      if (docs.length > 0) await this.index.put(docs);
    }
    return ids.length;
  }

  private async firstStart(eventId: number) {
    const sessions = await this.events.sessionsOf(eventId);
    return sessions.find((s) => s.status !== 'removed')?.startsAt ?? null;
  }
}
