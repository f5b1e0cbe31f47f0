import { describe, expect, it } from 'vitest';
import { eventInput, type EventInput } from '$lib/shared/event';
import { sessionChanges, sessionInstants, sessionRows, wallDateTimeInstant } from './sessions';

const session = (over: Record<string, unknown> = {}) =>
  eventInput.shape.dates.parse({
    kind: 'single',
    sessions: [{ key: 's1', date: '2026-12-05', start: '10:00', end: '12:00', ...over }]
  }).sessions[0]!;

describe('session instants', () => {
  it('reads 10:00 in Khabarovsk as midnight UTC, and in Moscow as 07:00 UTC', () => {
    expect(sessionInstants(session(), 'Asia/Vladivostok')).toEqual({
      startsAt: '2026-12-05T00:00:00.000Z',
      endsAt: '2026-12-05T02:00:00.000Z',
      allDay: false
    });
    expect(sessionInstants(session(), 'Europe/Moscow').startsAt).toBe('2026-12-05T07:00:00.000Z');
  });

  it('makes a day without a start all day, midnight to midnight, the day before in UTC', () => {
    expect(sessionInstants(session({ start: null, end: null }), 'Asia/Vladivostok')).toEqual({
      startsAt: '2026-12-04T14:00:00.000Z',
      endsAt: '2026-12-05T14:00:00.000Z',
      allDay: true
    });
  });

  it('leaves the end open when none is announced', () => {
    expect(sessionInstants(session({ end: null }), 'Asia/Vladivostok').endsAt).toBeNull();
  });

  it('reads a deadline as the zone’s wall clock', () => {
    expect(wallDateTimeInstant('2026-12-04T18:00', 'Asia/Vladivostok')).toBe(
      '2026-12-04T08:00:00.000Z'
    );
  });
});

describe('session rows and changes', () => {
  const input: EventInput = {
    slug: 'x',
    kind: 'lecture',
    title: { ru: 'Лекция', en: 'Talk' },
    dates: {
      kind: 'sessions',
      sessions: [
        { key: 's1', date: '2026-12-05', start: '10:00', capacity: 10 },
        { key: 's2', date: '2026-12-06', start: '10:00', capacity: 10, cancelled: true }
      ]
    },
    venue: { kind: 'museum', museumId: 1 },
    ageRating: '0+',
    registration: { enabled: true }
  };

  it('closes registration at the start unless a deadline is given; a called-off session is cancelled', () => {
    const rows = sessionRows(eventInput.parse(input), 'Asia/Vladivostok');
    expect(rows.map((r) => [r.key, r.registrationDeadline, r.status])).toEqual([
      ['s1', '2026-12-05T00:00:00.000Z', 'scheduled'],
      ['s2', '2026-12-06T00:00:00.000Z', 'cancelled']
    ]);
  });

  it('reports only sessions published before: moved, cancelled, removed; not new ones', () => {
    const before = [
      {
        id: 1,
        key: 's1',
        startsAt: '2026-12-05T00:00:00Z',
        endsAt: null,
        status: 'scheduled' as const
      },
      {
        id: 2,
        key: 's2',
        startsAt: '2026-12-06T00:00:00Z',
        endsAt: null,
        status: 'scheduled' as const
      },
      {
        id: 3,
        key: 's3',
        startsAt: '2026-12-07T00:00:00Z',
        endsAt: null,
        status: 'scheduled' as const
      },
      {
        id: 4,
        key: 's4',
        startsAt: '2026-12-08T00:00:00Z',
        endsAt: null,
        status: 'scheduled' as const
      }
    ];
    const after = sessionRows(
      eventInput.parse({
        ...input,
        dates: {
          kind: 'sessions',
          sessions: [
            { key: 's1', date: '2026-12-05', start: '11:00', capacity: 10 },
            { key: 's2', date: '2026-12-06', start: '10:00', capacity: 10, cancelled: true },
            { key: 's4', date: '2026-12-08', start: '10:00', capacity: 10 },
            { key: 's5', date: '2026-12-09', start: '10:00', capacity: 10 }
          ]
        }
      }),
      'Asia/Vladivostok'
    );
    expect(sessionChanges(before, after).map((c) => [c.sessionId, c.kind])).toEqual([
      [1, 'moved'],
      [2, 'cancelled'],
      [3, 'removed']
    ]);
  });
});
