import { describe, expect, it } from 'vitest';
import { museumInput } from '$lib/shared/museum';
import { readMuseumForm } from './form';

const base = museumInput.parse({
  slug: 'garage',
  membership: 'member',
  status: 'establishing',
  ownership: 'public_movement',
  profile: 'science_technology',
  name: { ru: 'Музей', en: 'Museum' },
  timeZone: 'Asia/Vladivostok',
  contacts: [{ name: { ru: 'Александр', en: 'Alexander' } }]
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('readMuseumForm', () => {
  it('reads lists one item a line and keeps what the form does not show', () => {
    const input = readMuseumForm(
      form({
        'name.ru': 'Музей в гараже',
        'name.en': 'Garage museum',
        phones: '+7 (924) 413-33-98\n\n +7 900 000-00-00 ',
        emails: 'museum@example.ru',
        freeAdmission: 'Ветераны труда | Labour veterans\nЖурналисты'
      }),
      base
    );
    expect(input.name).toEqual({ ru: 'Музей в гараже', en: 'Garage museum' });
    expect(input.phones).toEqual([
      { number: '+7 (924) 413-33-98' },
      { number: '+7 900 000-00-00' }
    ]);
    expect(input.freeAdmission).toEqual([
      { ru: 'Ветераны труда', en: 'Labour veterans' },
      { ru: 'Журналисты', en: 'Журналисты' }
    ]);
    expect(input.contacts).toEqual(base.contacts);
  });

  it('orders price rows by their number and drops empty rows', () => {
    const input = readMuseumForm(
      form({
        'prices.0.position': '2',
        'prices.0.category.ru': 'Группа больше 5 человек',
        'prices.0.category.en': 'More than 5 people',
        'prices.0.kind': 'amount',
        'prices.0.amountRub': '2 000',
        'prices.1.position': '1',
        'prices.1.category.ru': 'Экскурсия, 1 час',
        'prices.1.category.en': 'Tour, 1 hour',
        'prices.1.kind': 'amount',
        'prices.1.amountRub': '1000',
        'prices.2.position': '3',
        'prices.2.category.ru': '',
        'prices.2.category.en': ''
      }),
      base
    );
    expect(input.prices?.map((p) => [p.category.en, p.amountRub])).toEqual([
      ['Tour, 1 hour', 1000],
      ['More than 5 people', 2000]
    ]);
  });
});
