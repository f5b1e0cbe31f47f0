import { museumInput } from '$lib/shared/museum';
import { associationInput, placeInput } from '$lib/shared/association';
import type { MuseumRepository } from '../museums/repository';
import type { AssociationRepository } from '../association/repository';
import { demoAssociation, demoMuseums, demoPlaces } from './data';

/** Loads the demo data drawn from the seed documents, once: a database with museums is left alone. */
export async function seedDemoData(repos: {
  museums: MuseumRepository;
  association: AssociationRepository;
}): Promise<boolean> {
  if ((await repos.museums.count()) > 0) return false;
  await repos.museums.upsertPlaces(placeInput.parse(demoPlaces));
  await repos.association.save(associationInput.parse(demoAssociation));
  for (const museum of demoMuseums) {
    await repos.museums.insert(museumInput.parse(museum));
  }
  return true;
}
