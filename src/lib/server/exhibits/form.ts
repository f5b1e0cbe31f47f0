import {
  exhibitCategories,
  exhibitMaterials,
  exhibitTextFields,
  rightsStatements,
  type ExhibitInput,
  type ExhibitRecord
} from '$lib/shared/exhibit';
import type { Locale } from '$lib/shared/museum';
import type { Actor } from '../auth/access';
import type { SaveIntent, SavedStatus } from '../content/versions';
import { FormFields } from '../forms/fields';
import type { ExhibitEditor } from './editor';
import { m } from '$lib/paraglide/messages';

/** The exhibit form as read: the record, and related objects as the inventory numbers typed. */
export interface ExhibitForm {
  input: ExhibitInput;
  relatedNumbers: string[];
}

/**
 * Reads the exhibit form (plain HTML, works without JavaScript). Images are numbered rows of asset
 * ids moved by submit buttons (`mediaMove` = `2:up`, `2:down`, `2:remove`) and added from a select
 * (`addMedia`), so they are ordered without JavaScript; related objects are inventory numbers one
 * a line, plus one a search result's button adds (`addRelated`). Years are whole numbers; text in
 * them is kept as it is, for the check to refuse beside the field. Fields the form leaves out keep
 * `base`'s.
 */
export function readExhibitForm(form: FormData | FormFields, base: ExhibitRecord): ExhibitForm {
  const f = form instanceof FormFields ? form : new FormFields(form);
  const year = (name: string) => {
    const typed = yearText(f, name);
    if (typed === '') return null;
    return /^-?\d+$/.test(typed) ? Number(typed) : Number.NaN;
  };
  const media = f.has('media')
    ? moved(
        f.rows('media', (row) => Number(f.text(`${row}.asset`)) || null),
        f.text('mediaMove')
      )
    : base.media;
  const added = Number(f.text('addMedia'));
  if (Number.isInteger(added) && added > 0 && !media.includes(added)) media.push(added);
  const relatedNumbers = f.lines('related');
  const addRelated = f.text('addRelated');
  if (addRelated && !relatedNumbers.includes(addRelated)) relatedNumbers.push(addRelated);
  const text = Object.fromEntries(
    exhibitTextFields.map((name) => [name, f.pair(name) ?? { ru: '', en: '' }])
  ) as Record<(typeof exhibitTextFields)[number], { ru: string; en: string }>;
  return {
    relatedNumbers,
    input: {
      ...base,
      ...text,
      inventoryNumber: f.text('inventoryNumber'),
      yearFrom: year('yearFrom'),
      yearTo: year('yearTo'),
      material: exhibitMaterials.find((m) => m === f.text('material')) ?? null,
      category: exhibitCategories.find((c) => c === f.text('category')) ?? 'other',
      collectionId: Number(f.text('collectionId')) || null,
      tags: f.lines('tags'),
      rights: {
        statement:
          rightsStatements.find((r) => r === f.text('rights.statement')) ?? 'museum-rights',
        credit: f.text('rights.credit')
      },
      media,
      // Filled in from the numbers by the caller, which knows the museum's exhibits.
      related: base.related
    }
  };
}

/** A year as typed, with spaces and a typographic minus forgiven. */
const yearText = (f: FormFields, name: string) => f.text(name).replace(/\s/g, '').replace('−', '-');

/** A list after one of its rows' buttons: `1:up`, `1:down` or `1:remove`. */
function moved(list: number[], move: string): number[] {
  const [at, how] = move.split(':');
  const i = Number(at);
  if (at === '' || !Number.isInteger(i) || i < 0 || i >= list.length) return list;
  const out = [...list];
  const to = how === 'up' ? i - 1 : how === 'down' ? i + 1 : -1;
  if (how === 'remove') out.splice(i, 1);
  else if (to >= 0 && to < out.length) [out[i], out[to]] = [out[to]!, out[i]!];
  return out;
}

export type ExhibitFormResult =
  | { ok: true; status: SavedStatus }
  | {
      ok: false;
      errors: Record<string, string>;
      /** Everything typed, by field name, to show again. */
      submitted: Record<string, string>;
      /** The images in the order the form asked for. */
      media: number[];
    };

/**
 * Saves the exhibit form as submitted (by its buttons, or by autosave): related objects found by
 * their inventory numbers, errors keyed by the form's own field names in the reader's language.
 */
export async function saveExhibitForm(
  editor: ExhibitEditor,
  actor: Actor | null,
  museumId: number,
  exhibitId: number,
  form: FormData,
  intent: SaveIntent,
  locale: Locale
): Promise<ExhibitFormResult> {
  const { record } = await editor.open(actor, museumId, exhibitId);
  const fields = new FormFields(form);
  const { input, relatedNumbers } = readExhibitForm(fields, record);
  const ids = await editor.byInventory(actor, museumId, relatedNumbers);
  const refused = (errors: Record<string, string>): ExhibitFormResult => ({
    ok: false,
    errors,
    submitted: { ...fields.submitted(), related: relatedNumbers.join('\n') },
    media: input.media ?? []
  });
  // What only the form can say (numbers that name nothing, years as words) stops it before saving.
  const formErrors: Record<string, string> = {};
  const unknown = relatedNumbers.filter((n) => !ids.has(n));
  if (unknown.length > 0)
    formErrors.related = unknown
      .map((number) => m.exhibits_related_unknown({ number }, { locale }))
      .join(' ');
  for (const name of ['yearFrom', 'yearTo'] as const)
    if (Number.isNaN(input[name])) formErrors[name] = m.exhibits_year_invalid({}, { locale });
  const { yearFrom, yearTo } = input;
  if (yearFrom != null && yearTo != null && yearFrom > yearTo)
    formErrors.yearTo = m.exhibits_year_order({}, { locale });
  if (Object.keys(formErrors).length > 0) return refused(formErrors);

  const related = relatedNumbers.flatMap((n) => ids.get(n) ?? []);
  const result = await editor.save(actor, museumId, exhibitId, { ...input, related }, intent);
  if (result.ok) return result;
  const errors: Record<string, string> = {};
  for (const e of result.errors) {
    // Every related object is a line of one textarea.
    const field = e.field.startsWith('related.') ? 'related' : e.field;
    errors[field] = errors[field] ? `${errors[field]} ${e.message[locale]}` : e.message[locale];
  }
  return refused(errors);
}
