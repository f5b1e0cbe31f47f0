import { m } from '$lib/paraglide/messages';
import {
  exhibitCategories,
  exhibitMaterials,
  rightsStatements,
  type ExhibitTextField
} from '$lib/shared/exhibit';
import { categoryLabel, materialLabel, rightsLabel } from '$lib/components/exhibits/labels';

interface Change {
  field: string;
  before: string;
  after: string;
}

const textLabels: Record<ExhibitTextField, () => string> = {
  title: m.exhibits_field_title,
  description: m.exhibits_field_description,
  dating: m.exhibits_field_dating,
  maker: m.exhibits_field_maker,
  place: m.exhibits_field_place,
  technique: m.exhibits_field_technique,
  dimensions: m.exhibits_field_dimensions,
  provenance: m.exhibits_field_provenance,
  hall: m.exhibits_field_hall
};

const plainLabels: Record<string, () => string> = {
  inventoryNumber: m.exhibits_field_inventory,
  yearFrom: m.exhibits_field_year_from,
  yearTo: m.exhibits_field_year_to,
  category: m.exhibits_field_category,
  material: m.exhibits_field_material,
  collectionId: m.exhibits_field_collection,
  'rights.statement': m.exhibits_field_rights,
  'rights.credit': m.exhibits_field_credit
};

/**
 * The exhibit's change list in words: "Название (en)", "Изображение 2: samovar.jpg", a category
 * by its label, a collection by its title, instead of record paths and ids. `names` turns the
 * ids of files, related exhibits and collections into what staff know them by.
 */
export function describeExhibitChanges(
  changes: Change[],
  names: {
    file: (id: number) => string | undefined;
    exhibit: (id: number) => string | undefined;
    collection: (id: number) => string | undefined;
  }
): Change[] {
  const byId = (find: (id: number) => string | undefined) => (value: string) =>
    value ? (find(Number(value)) ?? `#${value}`) : '';
  const coded =
    <T extends string>(codes: readonly T[], label: (code: T) => string) =>
    (value: string) => {
      const code = codes.find((c) => c === value);
      return code ? label(code) : value;
    };
  return changes.map(({ field, before, after }) => {
    const [head = '', rest = ''] = field.split(/\.(.*)/s);
    let label = plainLabels[field]?.() ?? field;
    let value = (v: string) => v;
    if (head in textLabels) label = `${textLabels[head as ExhibitTextField]()} (${rest})`;
    else if (head === 'media') {
      label = m.exhibits_image_n({ n: Number(rest) + 1 });
      value = byId(names.file);
    } else if (head === 'related') {
      label = `${m.exhibits_section_related()}, ${Number(rest) + 1}`;
      value = byId(names.exhibit);
    } else if (head === 'tags') label = m.exhibits_field_tags();
    else if (field === 'collectionId') value = byId(names.collection);
    else if (field === 'category') value = coded(exhibitCategories, categoryLabel);
    else if (field === 'material') value = coded(exhibitMaterials, materialLabel);
    else if (field === 'rights.statement') value = coded(rightsStatements, rightsLabel);
    return { field: label, before: value(before), after: value(after) };
  });
}
