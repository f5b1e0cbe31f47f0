import { describe, it, expect } from 'vitest';
import OpeningHours from 'opening_hours';
import { museumInput } from '$lib/shared/museum';
import { associationInput, placeInput } from '$lib/shared/association';
import { demoAssociation, demoMuseums, demoPlaces } from './data';

const places = placeInput.parse(demoPlaces);
const association = associationInput.parse(demoAssociation);
const museums = demoMuseums.map((m) => museumInput.parse(m));

const bySlug = (slug: string) => {
  const museum = museums.find((m) => m.slug === slug);
  if (!museum) throw new Error(`no demo museum ${slug}`);
  return museum;
};

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

/** Every { ru, en } text in a record, with the path of keys it was found under ("projects.body"). */
function texts(value: unknown, path = ''): { path: string; ru: string; en: string }[] {
  if (Array.isArray(value)) return value.flatMap((v) => texts(v, path));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.ru === 'string' && typeof o.en === 'string') return [{ path, ru: o.ru, en: o.en }];
    return Object.entries(o).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** Fields written as simple HTML; every other text is plain. */
const richPaths = new Set(['about', 'history', 'projects.body']);

describe('demo places', () => {
  it('parses with the place schema', () => {
    expect(places.districts.length).toBeGreaterThanOrEqual(9);
    expect(places.settlements.length).toBeGreaterThanOrEqual(12);
  });

  it('has unique slugs', () => {
    expect(duplicates(places.districts.map((d) => d.slug))).toEqual([]);
    expect(duplicates(places.settlements.map((s) => s.slug))).toEqual([]);
  });

  it('puts every settlement in a known district, or none (Moscow, Saint Petersburg)', () => {
    const districts = new Set(places.districts.map((d) => d.slug));
    for (const s of places.settlements) {
      if (s.districtSlug == null) {
        expect(['moskva', 'sankt-peterburg']).toContain(s.slug);
      } else {
        expect(districts, s.slug).toContain(s.districtSlug);
      }
    }
  });

  it('gives plausible town-centre coordinates where it gives any', () => {
    for (const s of places.settlements) {
      expect(s.latitude == null).toBe(s.longitude == null);
      if (s.latitude == null || s.longitude == null) continue;
      if (s.region.en === 'Khabarovsk Krai') {
        expect(s.latitude, s.slug).toBeGreaterThan(46);
        expect(s.latitude, s.slug).toBeLessThan(60);
        expect(s.longitude, s.slug).toBeGreaterThan(130);
        expect(s.longitude, s.slug).toBeLessThan(142);
      }
    }
  });
});

describe('demo association', () => {
  it('parses with the association schema', () => {
    expect(association.name.ru).toBe('Ассоциация музеев Хабаровского края');
    expect(association.shortName).toEqual({ ru: 'АМХК', en: 'AMKhK' });
  });

  it('keeps the founding and registration dates of seed 000', () => {
    expect(association.foundedOn).toBe('2019-04-19');
    expect(association.registeredOn).toBe('2019-11-14');
    expect(association.about?.ru).toContain('17 музеев');
  });

  it('sums itself up in two sentences', () => {
    for (const text of [association.summary.ru, association.summary.en]) {
      // A sentence ends with a full stop after a lower-case letter or digit, not after an initial.
      expect(text.split(/(?<=[^\p{Lu}]\.)\s+(?=\p{Lu})/u).length).toBe(2);
    }
  });

  it('lists the ten member towns named in seed 000', () => {
    expect(association.memberTowns.map((t) => t.en)).toEqual([
      'Khabarovsk',
      'Komsomolsk-on-Amur',
      'Amursk',
      'Nikolaevsk-on-Amur',
      'Sovetskaya Gavan',
      'Vanino',
      'Chegdomyn',
      'Bikin',
      'Vyazemsky',
      'Urgal'
    ]);
  });

  it('has the governance people and roles of seed 000', () => {
    const roles = association.governance.map((g) => `${g.body}/${g.role}/${g.person.ru}`);
    expect(roles).toEqual([
      'leadership/president/Н. А. Маркова',
      'leadership/secretary/Л. В. Ковалёва',
      'council/council_chair/Л. В. Ковалёва',
      'council/council_member/Е. С. Веретенникова',
      'council/council_member/О. М. Божедомова',
      'council/council_member/Ю. В. Белкин',
      'revision_commission/revision_chair/Д. В. Землянкин'
    ]);
    expect(association.governance[0]?.affiliation?.en).toContain('Grodekov');
  });

  it('has the three projects with their real figures', () => {
    expect(association.projects.map((p) => p.slug)).toEqual([
      'virtual-local-history-seminar-2020',
      'orientation-north-2021',
      'museum-tour-2021'
    ]);
    const [seminar, north, tour] = association.projects;
    expect(seminar?.body?.en).toContain('52 staff members from 16 museums');
    expect(seminar?.body?.ru).toContain('Тугуро-Чумиканского');
    expect(north?.body?.en).toContain('35 people');
    expect(north?.body?.en).toContain('65 people');
    expect(tour?.body?.en).toContain('2,250');
    expect(tour?.body?.ru).toContain('95 %');
    expect(tour?.body?.en).toContain('23 people');
  });

  it('gives no contacts the seeds do not give', () => {
    expect(association.address ?? null).toBeNull();
    expect(association.phones).toEqual([]);
    expect(association.emails).toEqual([]);
    expect(association.notices).toEqual([]);
  });
});

describe('demo museums', () => {
  it('parses every record with the museum schema', () => {
    expect(museums.length).toBeGreaterThanOrEqual(11);
  });

  it('has unique slugs', () => {
    expect(duplicates(museums.map((m) => m.slug))).toEqual([]);
  });

  it('puts every museum in a known settlement, in a valid time zone', () => {
    const settlements = new Set(places.settlements.map((s) => s.slug));
    for (const m of museums) {
      expect(settlements, m.slug).toContain(m.settlementSlug);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: m.timeZone }), m.slug).not.toThrow();
      const settlement = places.settlements.find((s) => s.slug === m.settlementSlug);
      const expected =
        settlement?.region.en === 'Khabarovsk Krai' ? 'Asia/Vladivostok' : 'Europe/Moscow';
      expect(m.timeZone, m.slug).toBe(expected);
    }
  });

  it('invents no museum coordinates', () => {
    for (const m of museums) {
      expect(m.latitude ?? null, m.slug).toBeNull();
      expect(m.longitude ?? null, m.slug).toBeNull();
    }
  });

  it('has a short summary for every museum', () => {
    for (const m of museums) {
      expect(m.summary?.ru, m.slug).toBeTruthy();
      expect(m.summary?.en, m.slug).toBeTruthy();
    }
  });

  it('writes rich text as HTML paragraphs and short fields as plain text', () => {
    const all = [...museums.flatMap((m) => texts(m)), ...texts(association)];
    expect(all.filter((t) => richPaths.has(t.path)).length).toBeGreaterThan(10);
    for (const { path, ru, en } of all) {
      for (const text of [ru, en]) {
        if (richPaths.has(path)) {
          expect(text, path).toMatch(/^<(p|ul)>/);
          expect(text, path).toMatch(/<\/(p|ul)>$/);
        } else {
          expect(text, path).not.toMatch(/[<>]/);
        }
      }
    }
  });

  it('has hours rules that opening_hours accepts', () => {
    for (const m of museums) {
      if (!m.hoursRule) continue;
      const hours = new OpeningHours(m.hoursRule);
      expect(hours.getWarnings(), m.slug).toEqual([]);
    }
  });

  it('keeps the Grodekov museum hours rule and the "Pallada" notice', () => {
    const grodekov = bySlug('grodekov');
    expect(grodekov.hoursRule).toBe('Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"');
    expect(grodekov.hoursNote?.ru).toContain('последняя пятница месяца');
    expect(grodekov.address).toEqual({ ru: 'ул. Шевченко, 11', en: '11 Shevchenko St.' });
    expect(grodekov.phones).toEqual([]);
    expect(grodekov.notices).toHaveLength(1);
    expect(grodekov.notices[0]?.body.ru).toContain('«Паллада»');
    expect(grodekov.notices[0]?.validFrom).toBe('2026-11-01');
    expect(grodekov.notices[0]?.validUntil ?? null).toBeNull();

    // The last Friday of November 2026 is the 27th: a sanitary day; the Tuesday before is open.
    const hours = new OpeningHours(grodekov.hoursRule ?? '');
    expect(hours.getState(new Date(2026, 10, 27, 12))).toBe(false);
    expect(hours.getComment(new Date(2026, 10, 27, 12))).toBe('sanitary day');
    expect(hours.getState(new Date(2026, 10, 24, 12))).toBe(true);
    expect(hours.getState(new Date(2026, 10, 23, 12))).toBe(false);
  });

  it('names the fine arts museum director from seed 000 and leaves its hours out', () => {
    const fineArts = bySlug('komsomolsk-fine-arts');
    expect(fineArts.director?.ru).toBe('Л. В. Ковалёва');
    expect(fineArts.hoursRule).toBeNull();
    expect(fineArts.address ?? null).toBeNull();
  });

  it('keeps the industrial museum card of seed 001', () => {
    const industrial = bySlug('industrial-heritage');
    expect(industrial.status).toBe('establishing');
    expect(industrial.ownership).toBe('public_movement');
    expect(industrial.hoursRule).toBe('"by arrangement"');
    expect(industrial.phones.map((p) => p.number)).toEqual(['+7 (924) 413-33-98']);
    expect(industrial.director?.ru).toBe('Сидоркин Александр Павлович');
    const priced = industrial.prices.filter((p) => p.kind === 'amount');
    expect(priced.map((p) => p.amountRub)).toEqual([1000, 2000]);
    expect(industrial.prices.filter((p) => p.kind === 'by_agreement')).toHaveLength(1);
    expect(industrial.freeAdmission.length).toBeGreaterThanOrEqual(5);
    expect(industrial.accessibility ?? null).toBeNull();
    expect(industrial.history?.ru).toContain('Лучший хранитель истории Хабаровска');
    expect(industrial.about?.en).toContain('A. M. Gorky Plant');
  });

  it('gives the Victory Museum contact person of seed 002', () => {
    const victory = bySlug('victory-museum');
    expect(victory.membership).toBe('partner');
    expect(victory.contacts).toHaveLength(1);
    expect(victory.contacts[0]?.name.ru).toBe('Королёв Аркадий Васильевич');
    expect(victory.contacts[0]?.phone).toBe('+7 (499) 449-81-17');
    expect(bySlug('political-history').membership).toBe('partner');
  });

  it('keeps the unnamed local lore museums honest and empty', () => {
    const localLore = museums.filter((m) => m.slug.startsWith('local-lore-'));
    expect(localLore.length).toBeGreaterThanOrEqual(5);
    for (const m of localLore) {
      expect(m.membership).toBe('member');
      expect(m.ownership).toBe('municipal');
      expect(m.profile).toBe('local_lore');
      expect(m.address ?? null, m.slug).toBeNull();
      expect(m.hoursRule, m.slug).toBeNull();
      expect(m.phones, m.slug).toEqual([]);
      expect(m.emails, m.slug).toEqual([]);
      expect(m.website ?? null, m.slug).toBeNull();
    }
  });

  it('puts contacts only where the seeds give them', () => {
    const withPhones = museums.filter((m) => m.phones.length > 0).map((m) => m.slug);
    expect(withPhones).toEqual(['industrial-heritage']);
    const withContacts = museums.filter((m) => m.contacts.length > 0).map((m) => m.slug);
    expect(withContacts).toEqual(['victory-museum']);
    expect(museums.filter((m) => m.emails.length > 0 || m.website)).toEqual([]);
  });
});
