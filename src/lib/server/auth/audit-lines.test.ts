import { describe, expect, it } from 'vitest';
import { describeAudit, formatWhen, russianGender, type AuditEntry } from './audit-lines';

const now = new Date('2026-11-24T02:00:00Z');

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    id: 1,
    at: '2026-11-22T04:32:00.000Z',
    action: 'publish',
    entity: 'museum',
    entity_id: '3',
    details: null,
    user_name: 'Анна Петрова',
    subject_name: null,
    museum_ru: 'Музей истории Амурска',
    museum_en: 'Amursk History Museum',
    time_zone: 'Asia/Vladivostok',
    ...overrides
  };
}

describe('describeAudit', () => {
  it('reads as a sentence with the time on the museum’s clock', () => {
    const line = describeAudit(entry({}), 'ru', now);
    expect(line.text).toBe('Анна Петрова опубликовала профиль музея «Музей истории Амурска»');
    expect(line.when).toBe('22 ноября, 14:32');
  });

  it('says the same in English, with the English name of the museum', () => {
    const line = describeAudit(entry({}), 'en', now);
    expect(line.text).toBe('Анна Петрова published the profile of Amursk History Museum');
    expect(line.when).toBe('22 November, 14:32');
  });

  it('names a tour by its title in the reader’s language', () => {
    const tour = entry({
      action: 'submit',
      entity: 'tour',
      details: { revision: 4, title: { ru: 'Машинный зал', en: 'The engine hall' } }
    });
    expect(describeAudit(tour, 'ru', now).text).toBe(
      'Анна Петрова отправила на проверку экскурсию «Машинный зал» музея «Музей истории Амурска»'
    );
    expect(describeAudit(tour, 'en', now).text).toBe(
      'Анна Петрова submitted the tour “The engine hall” of Amursk History Museum for review'
    );
  });

  it('tells an exhibit made from one saved again, by its title', () => {
    const details = { title: { ru: 'Самовар', en: 'Samovar' }, inventoryNumber: 'КП-1' };
    const made = entry({
      action: 'save-draft',
      entity: 'exhibit',
      details: { ...details, created: true }
    });
    expect(describeAudit(made, 'ru', now).text).toBe(
      'Анна Петрова создала экспонат «Самовар» музея «Музей истории Амурска»'
    );
    const saved = entry({ action: 'save-draft', entity: 'exhibit', details });
    expect(describeAudit(saved, 'en', now).text).toBe(
      'Анна Петрова saved a draft of the exhibit “Samovar” of Amursk History Museum'
    );
  });

  it('agrees the verb with a man, and hedges when it cannot tell', () => {
    expect(describeAudit(entry({ user_name: 'Иван Сергеевич Котов' }), 'ru', now).text).toMatch(
      /^Иван Сергеевич Котов опубликовал профиль/
    );
    expect(describeAudit(entry({ user_name: 'Jane Doe' }), 'ru', now).text).toMatch(
      /^Jane Doe опубликовал\(а\) профиль/
    );
  });

  it("says who changed the association's details", () => {
    const change = entry({ action: 'publish', entity: 'association', entity_id: null });
    expect(describeAudit(change, 'ru', now).text).toBe(
      'Анна Петрова изменила сведения об ассоциации'
    );
    expect(describeAudit(change, 'en', now).text).toBe(
      "Анна Петрова changed the association's details"
    );
  });

  it('names the file an upload or a deletion was about', () => {
    const upload = entry({ action: 'upload', entity: 'media', details: { file: 'Депо.jpg' } });
    expect(describeAudit(upload, 'ru', now).text).toBe(
      'Анна Петрова загрузила файл «Депо.jpg» в медиатеку музея «Музей истории Амурска»'
    );
    const deletion = entry({ action: 'delete', entity: 'media', details: { file: 'Депо.jpg' } });
    expect(describeAudit(deletion, 'en', now).text).toBe(
      'Анна Петрова deleted “Депо.jpg” from the media library of Amursk History Museum'
    );
  });

  it('names the colleague a staff change was about', () => {
    const line = describeAudit(
      entry({
        action: 'change-role',
        entity: 'staff',
        details: { role: 'museum_admin' },
        subject_name: 'Олег Ким'
      }),
      'ru',
      now
    );
    expect(line.text).toBe(
      'Анна Петрова назначила администратором музея «Музей истории Амурска»: Олег Ким'
    );
  });

  it('falls back to a plain line for an action it does not know, and to "someone"', () => {
    const line = describeAudit(
      entry({ action: 'rotate', entity: 'media', user_name: null }),
      'en',
      now
    );
    expect(line.text).toBe('Someone: rotate media');
  });

  it('shows the association’s own entries in Khabarovsk time', () => {
    const line = describeAudit(
      entry({ action: 'sign-in', entity: 'session', time_zone: null, museum_ru: null }),
      'ru',
      now
    );
    expect(line).toMatchObject({
      text: 'Анна Петрова вошла в рабочий кабинет',
      when: '22 ноября, 14:32'
    });
  });
});

describe('formatWhen', () => {
  it('adds the year only for another year', () => {
    // 31 December 2025 in UTC is already New Year's night in Khabarovsk: this year, no year.
    expect(formatWhen(new Date('2025-12-31T15:00:00Z'), 'Asia/Vladivostok', 'ru', now)).toBe(
      '1 января, 01:00'
    );
    expect(formatWhen(new Date('2025-06-30T15:00:00Z'), 'Asia/Vladivostok', 'ru', now)).toBe(
      '1 июля 2025 г., 01:00'
    );
    expect(formatWhen(new Date('2025-03-01T00:00:00Z'), 'Asia/Vladivostok', 'en', now)).toBe(
      '1 March 2025, 10:00'
    );
  });
});

describe('russianGender', () => {
  it.each([
    ['Анна Петрова', 'f'],
    ['Петрова Анна', 'f'],
    ['Мария Ивановна Сидорова', 'f'],
    ['Иван Петров', 'm'],
    ['Никита Ильин', 'm'],
    ['Илья Ким', 'm'],
    ['Нина Ким', 'f'],
    ['Олег Ким', 'm'],
    ['Любовь Орлова', 'f'],
    ['Саша Ким', '*'],
    ['Jane Doe', '*']
  ])('%s → %s', (name, gender) => {
    expect(russianGender(name)).toBe(gender);
  });
});
