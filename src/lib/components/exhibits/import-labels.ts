import { m } from '$lib/paraglide/messages';

/** Words for an import's states and fields, in the reader's language. */
const statuses: Record<string, () => string> = {
  mapping: m.import_status_mapping,
  previewed: m.import_status_previewed,
  queued: m.import_status_queued,
  running: m.import_status_running,
  done: m.import_status_done,
  failed: m.import_status_failed
};
export const importStatusLabel = (status: string): string => statuses[status]?.() ?? status;

const outcomes: Record<string, () => string> = {
  new: m.import_outcome_new,
  changed: m.import_outcome_changed,
  unchanged: m.import_outcome_unchanged,
  invalid: m.import_outcome_invalid
};
export const importOutcomeLabel = (outcome: string): string => outcomes[outcome]?.() ?? outcome;

/** What one row will do (preview) or did (after the run). */
const rowWords: Record<string, () => string> = {
  new: m.import_row_new,
  changed: m.import_row_changed,
  unchanged: m.import_row_unchanged,
  invalid: m.import_row_invalid
};
const rowWordsDone: Record<string, () => string> = {
  new: m.import_row_done_new,
  changed: m.import_row_done_changed
};
export const importRowLabel = (outcome: string, done: boolean): string =>
  ((done ? rowWordsDone[outcome] : undefined) ?? rowWords[outcome])?.() ?? outcome;

const fields: Record<string, () => string> = {
  inventoryNumber: m.import_column_inventory_number,
  'title.ru': m.import_column_title_ru,
  'title.en': m.import_column_title_en,
  'description.ru': m.import_column_description_ru,
  'description.en': m.import_column_description_en,
  dating: m.import_column_dating,
  years: m.import_column_years,
  yearFrom: m.import_column_year_from,
  yearTo: m.import_column_year_to,
  maker: m.import_column_maker,
  place: m.import_column_place,
  technique: m.import_column_technique,
  material: m.import_column_material,
  dimensions: m.import_column_dimensions,
  category: m.import_column_category,
  collection: m.import_column_collection,
  collectionId: m.import_column_collection,
  provenance: m.import_column_provenance,
  tags: m.import_column_tags,
  hall: m.import_column_hall,
  images: m.import_column_images,
  media: m.import_column_images,
  credit: m.import_column_credit
};
/** A field of the mapping or of a record path (`dimensions.ru`, `media.0`) in words. */
export const importFieldLabel = (field: string): string => {
  const known = fields[field] ?? fields[field.replace(/\.(ru|en|\d+)$/, '')];
  return known?.() ?? field;
};
