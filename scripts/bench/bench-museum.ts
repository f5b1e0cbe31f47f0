/**
 * The museum benchmarks work in, written through the real repositories into a fresh database:
 * Khabarovsk as its town, and its admin `bench` who may publish.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { MuseumRepository } from '../../src/lib/server/museums/repository';
import { MuseumCatalogue } from '../../src/lib/server/museums/catalogue';
import { StaffRepository } from '../../src/lib/server/auth/staff-repository';
import { placeInput } from '../../src/lib/shared/association';
import type { Actor } from '../../src/lib/server/auth/access';

export async function benchMuseum(
  db: Kysely<DB>
): Promise<{ museumId: number; actor: Actor; staff: StaffRepository }> {
  const museums = new MuseumRepository(db);
  await museums.upsertPlaces(
    placeInput.parse({
      districts: [{ slug: 'khabarovsk', name: { ru: 'Хабаровск', en: 'Khabarovsk' } }],
      settlements: [
        {
          slug: 'khabarovsk',
          districtSlug: 'khabarovsk',
          name: { ru: 'Хабаровск', en: 'Khabarovsk' },
          region: { ru: 'Хабаровский край', en: 'Khabarovsk Krai' },
          latitude: 48.48,
          longitude: 135.07
        }
      ]
    })
  );
  const museum = await new MuseumCatalogue(museums).create({
    slug: 'bench-museum',
    membership: 'member',
    status: 'active',
    ownership: 'municipal',
    profile: 'local_lore',
    name: { ru: 'Музей для замера', en: 'Benchmark museum' },
    settlementSlug: 'khabarovsk',
    timeZone: 'Asia/Vladivostok',
    hoursRule: 'Tu-Su 10:00-18:00'
  });
  if (!museum.ok) throw new Error(`museum refused: ${JSON.stringify(museum.errors)}`);
  await db
    .insertInto('users')
    .values({ id: 'bench', name: 'Замер', email: 'bench@museum.ru', email_verified: 1 })
    .execute();
  const staff = new StaffRepository(db);
  await staff.grant('bench', 'museum_admin', museum.id, 'publish');
  return {
    museumId: museum.id,
    actor: { userId: 'bench', grants: await staff.grantsOf('bench') },
    staff
  };
}
