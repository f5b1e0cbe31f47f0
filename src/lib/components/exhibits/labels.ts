import { m } from '$lib/paraglide/messages';
import type { ExhibitCategory, ExhibitMaterial, RightsStatement } from '$lib/shared/exhibit';
import type { Locale } from '$lib/shared/museum';

type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const category: Record<ExhibitCategory, Label> = {
  archaeology: m.exhibits_category_archaeology,
  ethnography: m.exhibits_category_ethnography,
  documents: m.exhibits_category_documents,
  photographs: m.exhibits_category_photographs,
  books: m.exhibits_category_books,
  numismatics: m.exhibits_category_numismatics,
  weapons: m.exhibits_category_weapons,
  'fine-art': m.exhibits_category_fine_art,
  'decorative-art': m.exhibits_category_decorative_art,
  'natural-history': m.exhibits_category_natural_history,
  technology: m.exhibits_category_technology,
  household: m.exhibits_category_household,
  other: m.exhibits_category_other
};

const material: Record<ExhibitMaterial, Label> = {
  wood: m.exhibits_material_wood,
  metal: m.exhibits_material_metal,
  paper: m.exhibits_material_paper,
  textile: m.exhibits_material_textile,
  ceramics: m.exhibits_material_ceramics,
  glass: m.exhibits_material_glass,
  stone: m.exhibits_material_stone,
  bone: m.exhibits_material_bone,
  leather: m.exhibits_material_leather,
  fur: m.exhibits_material_fur,
  'birch-bark': m.exhibits_material_birch_bark,
  plastic: m.exhibits_material_plastic,
  mixed: m.exhibits_material_mixed,
  other: m.exhibits_material_other
};

const rights: Record<RightsStatement, Label> = {
  'museum-rights': m.exhibits_rights_museum_rights,
  'in-copyright': m.exhibits_rights_in_copyright,
  'public-domain': m.exhibits_rights_public_domain,
  cc0: m.exhibits_rights_cc0,
  'cc-by': m.exhibits_rights_cc_by,
  'cc-by-sa': m.exhibits_rights_cc_by_sa
};

/**
 * Labels of the controlled lists in the reader's language (staff forms and public pages alike),
 * or in the one asked (records for outside clients carry both).
 */
export const categoryLabel = (value: ExhibitCategory, locale?: Locale) =>
  category[value]({}, { locale });
export const materialLabel = (value: ExhibitMaterial, locale?: Locale) =>
  material[value]({}, { locale });
export const rightsLabel = (value: RightsStatement, locale?: Locale) =>
  rights[value]({}, { locale });
