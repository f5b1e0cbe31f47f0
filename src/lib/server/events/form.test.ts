import { describe, expect, it } from 'vitest';
import { eventInput, type EventRecord } from '$lib/shared/event';
import { readEventForm } from './form';

const current: EventRecord = eventInput.parse({
  slug: 'talk',
  kind: 'lecture',
  title: { ru: 'Лекция', en: 'Talk' },
  dates: { kind: 'single', sessions: [{ key: 's1', date: '2026-12-05' }] },
  venue: { kind: 'museum', museumId: 3 },
  ageRating: '6+'
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const base = {
  kind: 'master-class',
  'title.ru': ' Кузница ',
  'title.en': 'Forge',
  'dates.kind': 'sessions',
  'sessions.0.key': 's1',
  'sessions.0.date': '2026-12-05',
  'sessions.0.start': '10:00',
  'sessions.0.end': '12:00',
  'sessions.0.capacity': '20',
  'sessions.1.key': 's2',
  'sessions.1.date': '2026-12-06',
  'sessions.1.start': '14:00',
  'sessions.1.deadline': '2026-12-05T18:00',
  'sessions.1.cancelled': 'on',
  'venue.kind': 'museum',
  'venue.museumId': '3',
  ageRating: '12+',
  'price.kind': 'ticketed',
  'price.text.ru': '300 ₽',
  'price.text.en': '300 RUB',
  'price.pushkinCard': 'on',
  'registration.enabled': 'on',
  'registration.maxPeople': '4'
};

describe('reading the event form', () => {
  it('reads sessions with their keys, the venue, the price and registration', () => {
    const { input, arranged } = readEventForm(form(base), current);
    expect(arranged).toBe(false);
    const record = eventInput.parse(input);
    expect(record).toMatchObject({
      slug: 'talk',
      kind: 'master-class',
      title: { ru: 'Кузница', en: 'Forge' },
      venue: { kind: 'museum', museumId: 3 },
      price: { kind: 'ticketed', pushkinCard: true },
      registration: { enabled: true, maxPeople: 4, group: false },
      contact: null,
      lead: null
    });
    expect(record.dates.sessions).toMatchObject([
      { key: 's1', start: '10:00', capacity: 20, cancelled: false },
      { key: 's2', deadline: '2026-12-05T18:00', capacity: null, cancelled: true }
    ]);
  });

  it('adds a session after the last with a new key and its times, and removes one', () => {
    const added = readEventForm(form({ ...base, arrange: 'add-session' }), current);
    expect(added.arranged).toBe(true);
    expect(added.input.dates.sessions.at(-1)).toMatchObject({
      key: 's3',
      date: '2026-12-06',
      start: '14:00'
    });
    const removed = readEventForm(form({ ...base, arrange: 'remove-session:0' }), current);
    expect(removed.input.dates.sessions.map((s) => s.key)).toEqual(['s2']);
  });

  it('keeps what was typed wrong for the service to refuse field by field', () => {
    const { input } = readEventForm(
      form({ ...base, 'sessions.0.capacity': 'many', ageRating: '' }),
      current
    );
    const parsed = eventInput.safeParse(input);
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['dates.sessions.0.capacity', 'ageRating']));
  });

  it('a free address with its town, and questions added and removed', () => {
    const { input } = readEventForm(
      form({
        ...base,
        'venue.kind': 'address',
        'venue.settlementSlug': 'amursk',
        'venue.address.ru': 'Дом культуры',
        'venue.address.en': 'House of culture',
        'registration.questions.0.key': 'q1',
        'registration.questions.0.label.ru': 'Откуда вы?',
        'registration.questions.0.label.en': 'Where from?',
        arrange: 'add-question'
      }),
      current
    );
    expect(input.venue).toMatchObject({ kind: 'address', settlementSlug: 'amursk' });
    expect(input.registration?.questions?.map((q) => q.key)).toEqual(['q1', 'q2']);
  });
});
