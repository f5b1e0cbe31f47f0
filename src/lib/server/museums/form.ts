import type { Locale, MuseumInput, MuseumRecord } from '$lib/shared/museum';
import { offerKinds } from '$lib/shared/museum';
import type { Actor } from '../auth/access';
import { FormFields } from '../forms/fields';
import { readNotices } from '../forms/notices';
import type { Intent, MuseumEditor } from './editor';

export type FormSaveResult =
  | { ok: true; status: 'draft' | 'review' | 'published' }
  | { ok: false; errors: Record<string, string>; submitted: Record<string, string> };

/**
 * Saves the museum form as submitted (by its buttons, or by autosave): errors come back keyed by
 * the form's own field names, in the reader's language, with everything that was typed.
 */
export async function saveMuseumForm(
  editor: MuseumEditor,
  actor: Actor | null,
  museumId: number,
  form: FormData,
  intent: Intent,
  locale: Locale
): Promise<FormSaveResult> {
  const { record } = await editor.open(actor, museumId);
  const fields = new FormFields(form);
  const result = await editor.save(actor, museumId, readMuseumForm(fields, record), intent);
  if (result.ok) return result;
  return {
    ok: false,
    errors: fields.messages(result.errors, locale),
    submitted: fields.submitted()
  };
}

/**
 * Reads the museum profile form (plain HTML, works without JavaScript) into a record. Lists are
 * one item a line; prices, contact people and notices are numbered rows, and an empty row is no
 * row. Fields the form does not show keep their values from `base`.
 */
export function readMuseumForm(form: FormData | FormFields, base: MuseumRecord): MuseumInput {
  const f = form instanceof FormFields ? form : new FormFields(form);
  const year = f.text('foundedYear');

  const prices = f.rows('prices', (row) => {
    const category = f.pair(`${row}.category`);
    if (!category) return null;
    const kind = offerKinds.find((k) => k === f.text(`${row}.kind`)) ?? 'amount';
    const amount = f.text(`${row}.amountRub`).replace(/\s/g, '');
    return {
      category,
      kind,
      amountRub: kind === 'amount' && amount ? Number(amount) : null,
      conditions: f.pair(`${row}.conditions`)
    };
  });

  // A list the page did not show (its marker field is missing) keeps what was saved.
  const contacts = f.has('contacts')
    ? f.rows('contacts', (row) => {
        const name = f.pair(`${row}.name`);
        const role = f.pair(`${row}.role`);
        const phone = f.optional(`${row}.phone`);
        const email = f.optional(`${row}.email`);
        if (!name && !role && !phone && !email) return null;
        return { name: name ?? { ru: '', en: '' }, role, phone, email };
      })
    : base.contacts;

  return {
    ...base,
    name: f.pair('name') ?? { ru: '', en: '' },
    shortName: f.pair('shortName'),
    status: f.text('status') === 'establishing' ? 'establishing' : 'active',
    summary: f.pair('summary'),
    foundedYear: year ? Number(year) : null,
    founders: f.pair('founders'),
    director: f.pair('director'),
    directorTitle: f.pair('directorTitle'),
    address: f.pair('address'),
    phones: f.lines('phones').map((number) => ({ number })),
    emails: f.lines('emails'),
    website: f.optional('website'),
    vk: f.optional('vk'),
    telegram: f.optional('telegram'),
    ok: f.optional('ok'),
    hoursRule: f.optional('hoursRule'),
    hoursNote: f.pair('hoursNote'),
    accessibility: f.pair('accessibility'),
    freeAdmission: f.pairLines('freeAdmission'),
    about: f.pair('about'),
    history: f.pair('history'),
    prices,
    contacts,
    notices: f.has('notices') ? readNotices(f) : base.notices,
    // Every library image is a row with a "show" box; the ticked ones, by position, are the gallery.
    photos: f.has('photos')
      ? f.rows('photos', (row) =>
          f.text(`${row}.show`) === 'on' ? Number(f.text(`${row}.asset`)) : null
        )
      : base.photos
  };
}
