import { describe, expect, it } from 'vitest';
import type { ProjectInput } from '$lib/shared/project';
import { checkProject, projectMuseums, rawReferences } from './checks';

const context = {
  assets: new Map(),
  museums: new Set([7]),
  events: new Set([3]),
  news: new Set<number>()
};
const project = (overrides: Partial<ProjectInput> = {}): ProjectInput => ({
  slug: 'tour',
  title: { ru: 'Тур', en: 'Tour' },
  period: { start: '2021-04-01', end: '2021-09-30' },
  stops: [
    {
      key: 's1',
      district: { ru: 'Нанайский район', en: 'Nanaysky District' },
      venue: { kind: 'museum', museumId: 7 },
      startsOn: '2021-05-01'
    }
  ],
  ...overrides
});

describe('checkProject', () => {
  it('takes a travelling project and cleans its texts', () => {
    const result = checkProject(
      project({
        title: { ru: '<b>Тур</b>', en: 'Tour' },
        goals: { ru: '<p>Цель<script>x</script></p>', en: '<p>Goal</p>' }
      }),
      context,
      true
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.title.ru).toBe('Тур');
    expect(result.record.goals?.ru).toBe('<p>Цель</p>');
  });

  it('keeps stops inside the period only for visitors, and says so in both languages', () => {
    const late = project({
      stops: [{ ...project().stops![0]!, startsOn: '2021-10-02' }]
    });
    expect(checkProject(late, context, false).ok).toBe(true);
    const refused = checkProject(late, context, true);
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'stops.0.startsOn' }] });
    if (refused.ok) return;
    expect(refused.errors[0]!.message.ru).toContain('сроки проекта');
    expect(refused.errors[0]!.message.en).toContain('period');
  });

  it('refuses a museum, an event or a half point that is not there', () => {
    const result = checkProject(
      project({
        museumIds: [8],
        eventIds: [4],
        stops: [
          {
            key: 's1',
            district: { ru: 'Район', en: 'District' },
            venue: { kind: 'place', name: null, latitude: 48.5, longitude: null }
          }
        ]
      }),
      context,
      false
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual([
      'eventIds.0',
      'museumIds.0',
      'stops.0.venue.latitude'
    ]);
  });

  it('finds the ids a raw input names, and the museums a record names', () => {
    const refs = rawReferences({
      museumIds: [7, 'x', 9],
      eventIds: [3],
      gallery: [{ assetId: 12 }],
      stops: [{ venue: { kind: 'museum', museumId: 5 } }]
    });
    expect([...refs.museums].sort()).toEqual([5, 7, 9]);
    expect([...refs.events]).toEqual([3]);
    expect([...refs.assets]).toEqual([12]);
    const checked = checkProject(project({ museumIds: [7] }), context, false);
    if (!checked.ok) throw new Error('refused');
    expect(projectMuseums(checked.record)).toEqual([7]);
  });
});
