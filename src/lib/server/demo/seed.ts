import { associationInput, placeInput } from '$lib/shared/association';
import type { MuseumRepository } from '../museums/repository';
import type { MuseumCatalogue } from '../museums/catalogue';
import type { AssociationRepository } from '../association/repository';
import { sanitizeRichText } from '../content/rich-text';
import { demoAssociation, demoMuseums, demoPlaces } from './data';

/** Loads the demo data drawn from the seed documents, once: a database with museums is left alone. */
export async function seedDemoData(deps: {
  museums: MuseumRepository;
  catalogue: MuseumCatalogue;
  association: AssociationRepository;
}): Promise<boolean> {
  if ((await deps.museums.count()) > 0) return false;
  await deps.museums.upsertPlaces(placeInput.parse(demoPlaces));
  const association = associationInput.parse(demoAssociation);
  const rich = (v: { ru: string; en: string } | null | undefined) =>
    v ? { ru: sanitizeRichText(v.ru), en: sanitizeRichText(v.en) } : v;
  await deps.association.save({
    ...association,
    about: rich(association.about),
    goals: rich(association.goals),
    projects: association.projects.map((p) => ({ ...p, body: rich(p.body) }))
  });
  for (const museum of demoMuseums) {
    const result = await deps.catalogue.create(museum);
    if (!result.ok) {
      throw new Error(`Demo museum ${museum.slug} refused: ${JSON.stringify(result.errors)}`);
    }
  }
  return true;
}
