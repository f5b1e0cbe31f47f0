import type { MuseumInput, MuseumRecord } from '$lib/shared/museum';
import { offerKinds } from '$lib/shared/museum';

/**
 * Reads the museum profile form (plain HTML, works without JavaScript) into a record. Lists are
 * one item a line; price rows are numbered fields, and an empty row is no row. Fields the form
 * does not show keep their values from `base`.
 */
export function readMuseumForm(form: FormData, base: MuseumRecord): MuseumInput {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const pair = (name: string) => {
    const ru = text(`${name}.ru`);
    const en = text(`${name}.en`);
    return ru || en ? { ru, en } : null;
  };
  const lines = (name: string) =>
    text(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  const optional = (name: string) => text(name) || null;
  const year = text('foundedYear');

  const prices = [];
  for (let i = 0; form.has(`prices.${i}.category.ru`); i++) {
    const row = `prices.${i}`;
    const category = pair(`${row}.category`);
    if (!category) continue;
    const kind = offerKinds.find((k) => k === text(`${row}.kind`)) ?? 'amount';
    const amount = text(`${row}.amountRub`).replace(/\s/g, '');
    prices.push({
      position: Number(text(`${row}.position`)) || i + 1,
      offer: {
        category,
        kind,
        amountRub: kind === 'amount' && amount ? Number(amount) : null,
        conditions: pair(`${row}.conditions`)
      }
    });
  }
  prices.sort((a, b) => a.position - b.position);

  return {
    ...base,
    name: pair('name') ?? { ru: '', en: '' },
    shortName: pair('shortName'),
    status: text('status') === 'establishing' ? 'establishing' : 'active',
    summary: pair('summary'),
    foundedYear: year ? Number(year) : null,
    founders: pair('founders'),
    director: pair('director'),
    directorTitle: pair('directorTitle'),
    address: pair('address'),
    phones: lines('phones').map((number) => ({ number })),
    emails: lines('emails'),
    website: optional('website'),
    vk: optional('vk'),
    telegram: optional('telegram'),
    ok: optional('ok'),
    hoursRule: optional('hoursRule'),
    hoursNote: pair('hoursNote'),
    accessibility: pair('accessibility'),
    freeAdmission: lines('freeAdmission').map((line) => {
      const [ru = '', en = ''] = line.split('|').map((part) => part.trim());
      return { ru, en: en || ru };
    }),
    about: pair('about'),
    history: pair('history'),
    prices: prices.map((row) => row.offer)
  };
}
