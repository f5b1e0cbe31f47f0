import { describe, expect, it } from 'vitest';
import { checkRegistration, isEmail, isPhone } from './checks';

const fields = { groups: false, maxPeople: 1, phone: 'optional' as const, questions: [] };
const form = {
  sessionId: 1,
  name: 'Анна',
  email: 'Anna@Example.RU',
  phone: '',
  people: 1,
  school: 'школа № 5',
  className: '7 «А»',
  answers: [],
  consent: true,
  website: ''
};

describe(checkRegistration, () => {
  it('takes phones as people write them and refuses what is not one', () => {
    expect(['+7 (4212) 31-63-74', '8 914 123 45 67', '+79141234567'].every(isPhone)).toBe(true);
    expect(['12-34', 'звоните', '+7 914 123 45 67 доб. 2'].some(isPhone)).toBe(false);
  });

  it('takes addresses with a dotted domain, .рф too', () => {
    expect(['a@b.ru', 'музей@пример.рф'].every(isEmail)).toBe(true);
    expect(['a@b', 'a b@c.ru', 'a@@b.ru'].some(isEmail)).toBe(false);
  });

  it('keeps the e-mail in lower case, the phone optional unless the event asks for it', () => {
    expect(checkRegistration(form, fields)).toMatchObject({
      ok: true,
      request: { email: 'anna@example.ru', phone: '', school: null }
    });
    expect(checkRegistration(form, { ...fields, phone: 'required' })).toMatchObject({
      ok: false,
      errors: [{ field: 'phone' }]
    });
  });

  it('asks for the consent and the required answers, and no more people than the event allows', () => {
    const result = checkRegistration(
      { ...form, consent: false, people: 3 },
      {
        ...fields,
        maxPeople: 2,
        questions: [{ label: { ru: 'Возраст', en: 'Age' }, required: true }]
      }
    );
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
      'people',
      'answers.0',
      'consent'
    ]);
  });
});
