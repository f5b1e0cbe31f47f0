import { describe, expect, it } from 'vitest';
import { museumInput } from '$lib/shared/museum';
import { FormFields } from '../forms/fields';
import { checkMuseum } from './catalogue';
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

describe('contact people and notices in the museum form', () => {
  const contactRows = {
    contacts: '',
    'contacts.0.position': '2',
    'contacts.0.name.ru': 'Анна Петрова',
    'contacts.0.name.en': 'Anna Petrova',
    'contacts.0.role.ru': 'Хранитель',
    'contacts.0.role.en': 'Curator',
    'contacts.0.phone': '+7 924 000-00-01',
    'contacts.0.email': '',
    'contacts.1.position': '3',
    'contacts.1.name.ru': '',
    'contacts.1.name.en': '',
    'contacts.1.role.ru': '',
    'contacts.1.role.en': '',
    'contacts.1.phone': '',
    'contacts.1.email': '',
    'contacts.4.position': '1',
    'contacts.4.name.ru': 'Иван Сидоров',
    'contacts.4.name.en': 'Ivan Sidorov',
    'contacts.4.email': 'ivan@museum.ru'
  };

  it('orders people by their number, drops empty rows and keeps blank fields as none', () => {
    const input = readMuseumForm(form(contactRows), base);
    expect(input.contacts).toEqual([
      {
        name: { ru: 'Иван Сидоров', en: 'Ivan Sidorov' },
        role: null,
        phone: null,
        email: 'ivan@museum.ru'
      },
      {
        name: { ru: 'Анна Петрова', en: 'Anna Petrova' },
        role: { ru: 'Хранитель', en: 'Curator' },
        phone: '+7 924 000-00-01',
        email: null
      }
    ]);
  });

  it('empties the list when every row is cleared, but keeps it when the form had no list', () => {
    expect(readMuseumForm(form({ contacts: '', 'contacts.0.name.ru': '' }), base).contacts).toEqual(
      []
    );
    expect(readMuseumForm(form({}), base).contacts).toEqual(base.contacts);
  });

  it('keeps a row where only a phone was typed, so the missing name is marked beside it', () => {
    const fields = new FormFields(
      form({ contacts: '', 'contacts.3.phone': '+7 900 000-00-00', 'contacts.3.name.ru': '' })
    );
    const input = readMuseumForm(fields, base);
    expect(input.contacts).toEqual([
      { name: { ru: '', en: '' }, role: null, phone: '+7 900 000-00-00', email: null }
    ]);
    expect(fields.source('contacts.0.name.ru')).toBe('contacts.3.name.ru');
    expect(fields.source('summary.ru')).toBe('summary.ru');
  });

  it('reads notices with their dates, in the order of their numbers', () => {
    const input = readMuseumForm(
      form({
        notices: '',
        'notices.0.position': '2',
        'notices.0.body.ru': 'Закрыто на ремонт',
        'notices.0.body.en': 'Closed for repairs',
        'notices.0.validFrom': '2026-12-01',
        'notices.0.validUntil': '2026-12-31',
        'notices.1.position': '1',
        'notices.1.body.ru': 'Новая выставка',
        'notices.1.body.en': 'A new exhibition',
        'notices.1.validFrom': '',
        'notices.1.validUntil': '',
        'notices.2.position': '3',
        'notices.2.body.ru': '',
        'notices.2.body.en': ''
      }),
      base
    );
    expect(input.notices).toEqual([
      {
        body: { ru: 'Новая выставка', en: 'A new exhibition' },
        validFrom: null,
        validUntil: null
      },
      {
        body: { ru: 'Закрыто на ремонт', en: 'Closed for repairs' },
        validFrom: '2026-12-01',
        validUntil: '2026-12-31'
      }
    ]);
  });

  it('says beside the end date when a notice ends before it starts', () => {
    const input = readMuseumForm(
      form({
        'name.ru': 'Музей',
        'name.en': 'Museum',
        notices: '',
        'notices.0.body.ru': 'Закрыто',
        'notices.0.body.en': 'Closed',
        'notices.0.validFrom': '2026-12-31',
        'notices.0.validUntil': '2026-12-01'
      }),
      base
    );
    const checked = checkMuseum(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors).toEqual([
        {
          field: 'notices.0.validUntil',
          message: {
            ru: 'Дата окончания раньше даты начала.',
            en: 'The end date is before the start date.'
          }
        }
      ]);
    }
  });
});
