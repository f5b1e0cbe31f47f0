import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumDirectory } from '$lib/server/museums/directory';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { parseDirectoryQuery } from '$lib/server/museums/query';
import { museumInput } from '$lib/shared/museum';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { khabarovskNoon, newMuseum, testPlaces } from './factories';

const query = (params: Record<string, string> = {}) =>
  parseDirectoryQuery(new URLSearchParams(params));

describe.each(dialects)('museums on %s', (dialect) => {
  let test: TestDatabase;
  let repository: MuseumRepository;
  let directory: MuseumDirectory;
  let catalogue: MuseumCatalogue;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    repository = new MuseumRepository(test.database.db);
    directory = new MuseumDirectory(repository);
    catalogue = new MuseumCatalogue(repository);
    await repository.upsertPlaces(placeInput.parse(testPlaces));
    const saved = await Promise.all([
      catalogue.create(
        newMuseum({
          slug: 'grodekov',
          name: { ru: 'Гродековский музей', en: 'Grodekov Museum' },
          ownership: 'state',
          address: { ru: 'ул. Шевченко, 11', en: '11 Shevchenko St.' },
          notices: [
            {
              body: { ru: 'Фрегат «Паллада» на реконструкции', en: 'The frigate is under repair' }
            },
            { body: { ru: 'Старое объявление', en: 'An old notice' }, validUntil: '2026-01-01' }
          ],
          prices: [
            { category: { ru: 'Взрослый', en: 'Adult' }, kind: 'amount', amountRub: 400 },
            { category: { ru: 'Дети до 7 лет', en: 'Children under 7' }, kind: 'free' }
          ],
          phones: [{ number: '+7 (4212) 00-00-00' }]
        })
      ),
      catalogue.create(
        newMuseum({
          slug: 'garage',
          ownership: 'public_movement',
          profile: 'science_technology',
          hoursRule: '"by arrangement"',
          prices: [{ category: { ru: 'Вход', en: 'Entry' }, kind: 'free' }]
        })
      ),
      catalogue.create(
        newMuseum({ slug: 'amursk-lore', settlementSlug: 'amursk', hoursRule: null })
      )
    ]);
    expect(saved.every((s) => s.ok)).toBe(true);
  });

  afterAll(async () => {
    await test?.dispose();
  });

  describe('directory', () => {
    it('lists every published museum by name', async () => {
      const { museums } = await directory.list(query(), 'ru', khabarovskNoon('2026-11-24'));
      expect(museums.map((m) => m.slug).sort()).toEqual(['amursk-lore', 'garage', 'grodekov']);
    });

    it('filters by town and by district', async () => {
      const now = khabarovskNoon('2026-11-24');
      const inAmursk = await directory.list(query({ town: 'amursk' }), 'ru', now);
      expect(inAmursk.museums.map((m) => m.slug)).toEqual(['amursk-lore']);
      const inCity = await directory.list(query({ district: 'khabarovsk-city' }), 'ru', now);
      expect(inCity.museums.map((m) => m.slug).sort()).toEqual(['garage', 'grodekov']);
    });

    it('filters by ownership and profile', async () => {
      const now = khabarovskNoon('2026-11-24');
      const state = await directory.list(query({ ownership: 'state' }), 'ru', now);
      expect(state.museums.map((m) => m.slug)).toEqual(['grodekov']);
      const tech = await directory.list(query({ profile: 'science_technology' }), 'ru', now);
      expect(tech.museums.map((m) => m.slug)).toEqual(['garage']);
    });

    it('shows only museums open now, in their own time zone', async () => {
      const tuesdayNoon = await directory.list(
        query({ open: 'now' }),
        'ru',
        khabarovskNoon('2026-11-24')
      );
      expect(tuesdayNoon.museums.map((m) => m.slug)).toEqual(['grodekov']);
      const sanitaryDay = await directory.list(
        query({ open: 'now' }),
        'ru',
        khabarovskNoon('2026-11-27')
      );
      expect(sanitaryDay.museums).toEqual([]);
    });

    it('shows museums that open on a chosen date', async () => {
      const now = khabarovskNoon('2026-11-22');
      const tuesday = await directory.list(query({ open: 'date', date: '2026-11-24' }), 'ru', now);
      expect(tuesday.museums.map((m) => m.slug)).toEqual(['grodekov']);
      const lastFriday = await directory.list(
        query({ open: 'date', date: '2026-11-27' }),
        'ru',
        now
      );
      expect(lastFriday.museums).toEqual([]);
    });

    it('shows museums with free entry only when every offer is free', async () => {
      const { museums } = await directory.list(
        query({ free: '1' }),
        'ru',
        khabarovskNoon('2026-11-24')
      );
      expect(museums.map((m) => m.slug)).toEqual(['garage']);
    });

    it('sorts by distance from a chosen town', async () => {
      const { museums } = await directory.list(
        query({ sort: 'distance', from: 'amursk' }),
        'en',
        khabarovskNoon('2026-11-24')
      );
      expect(museums[0]?.slug).toBe('amursk-lore');
      expect(museums[0]?.distanceKm).toBe(0);
      expect(museums[1]?.distanceKm).toBeGreaterThan(150);
    });

    it('ignores malformed filters instead of failing', async () => {
      const { museums } = await directory.list(
        query({ open: 'date', date: '2026-13-45', sort: '%%%', near: 'abc', ownership: 'royal' }),
        'ru',
        khabarovskNoon('2026-11-24')
      );
      expect(museums).toHaveLength(3);
    });
  });

  describe('museum page', () => {
    it('gives the text in the visitor language, prices in order and only current notices', async () => {
      const page = await directory.page('grodekov', 'en', khabarovskNoon('2026-11-24'));
      expect(page?.name).toBe('Grodekov Museum');
      expect(page?.address).toBe('11 Shevchenko St.');
      expect(page?.prices.map((p) => [p.category, p.kind, p.amountRub])).toEqual([
        ['Adult', 'amount', 400],
        ['Children under 7', 'free', null]
      ]);
      expect(page?.notices.map((n) => n.body)).toEqual(['The frigate is under repair']);
      expect(page?.hours).toMatchObject({ kind: 'open' });
      expect(page?.week).toHaveLength(7);
      expect(page?.closures[0]).toMatchObject({ date: '2026-11-27', reason: 'sanitary day' });
    });

    it('is not found for an unknown slug', async () => {
      expect(await directory.page('nope', 'ru', new Date())).toBeUndefined();
    });
  });

  describe('saving', () => {
    it('refuses an invalid hours rule with a message in both languages and saves nothing', async () => {
      const before = await repository.count();
      const result = await catalogue.create(newMuseum({ hoursRule: 'Tu-Su 10:00-25:99' }));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors[0]?.field).toBe('hoursRule');
        expect(result.errors[0]?.message.en).toMatch(/59/);
        expect(result.errors[0]?.message.ru).toMatch(/[а-я]/);
      }
      expect(await repository.count()).toBe(before);
    });

    it('saves nothing of a museum when one of its rows is refused by the database', async () => {
      const before = await repository.count();
      const record = museumInput.parse(newMuseum({ slug: 'half-saved' }));
      const broken = {
        ...record,
        prices: [
          {
            category: { ru: 'x', en: 'x' },
            kind: 'amount' as const,
            amountRub: -5,
            conditions: null
          }
        ]
      };
      await expect(repository.insert(broken)).rejects.toThrow();
      expect(await repository.count()).toBe(before);
      expect(await directory.page('half-saved', 'ru', new Date())).toBeUndefined();
    });

    it('keeps no script in rich text', async () => {
      const result = await catalogue.create(
        newMuseum({
          slug: 'pasted',
          about: {
            ru: '<p style="mso-x:1" onclick="x()">Текст<script>alert(1)</script></p><p></p>',
            en: '<p><a href="javascript:alert(1)">link</a> <b>bold</b></p>'
          }
        })
      );
      expect(result.ok).toBe(true);
      const page = await directory.page('pasted', 'ru', new Date());
      expect(page?.about).toBe('<p>Текст</p>');
      const en = await directory.page('pasted', 'en', new Date());
      expect(en?.about).toBe('<p><a rel="noopener">link</a> <strong>bold</strong></p>');
    });

    it('refuses a duplicate slug', async () => {
      await expect(catalogue.create(newMuseum({ slug: 'grodekov' }))).rejects.toThrow();
    });
  });
});
