import { associationInput, placeInput } from '$lib/shared/association';
import type { MuseumRepository } from '../museums/repository';
import type { MuseumCatalogue } from '../museums/catalogue';
import type { AssociationRepository } from '../association/repository';
import { sanitizeRichText } from '../content/rich-text';
import type { StaffAccounts } from '../auth/accounts';
import { demoAssociation, demoMuseums, demoPlaces, demoStaff } from './data';

/** Loads the demo data drawn from the seed documents, once: a database with museums is left alone. */
export async function seedDemoData(deps: {
  museums: MuseumRepository;
  catalogue: MuseumCatalogue;
  association: AssociationRepository;
  accounts: StaffAccounts;
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
  const ids = new Map<string, number>();
  for (const museum of demoMuseums) {
    const result = await deps.catalogue.create(museum);
    if (!result.ok) {
      throw new Error(`Demo museum ${museum.slug} refused: ${JSON.stringify(result.errors)}`);
    }
    ids.set(museum.slug, result.id);
  }
  for (const account of demoStaff) {
    const museumId = account.museum ? ids.get(account.museum) : null;
    if (museumId === undefined) throw new Error(`Demo staff of unknown museum ${account.museum}`);
    await deps.accounts.createSeedAccount({ ...account, museumId });
  }
  return true;
}
