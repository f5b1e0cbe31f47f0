import type { Asset } from '../media/repository';
import type { AssetUsage } from '../media/library';
import { assetReferences } from './checks';
import type { TourRepository } from './repository';

/** Where a museum's tours show an asset: a published tour, and the version being edited. */
export function tourUsages(tours: TourRepository) {
  return async (asset: Asset): Promise<AssetUsage[]> => {
    const usages: AssetUsage[] = [];
    const uses = (record: Parameters<typeof assetReferences>[0] | null) =>
      record !== null && assetReferences(record).some((r) => r.assetId === asset.id);
    for (const tour of await tours.recordsOf(asset.museumId)) {
      const href = `/admin/museums/${asset.museumId}/tours/${tour.id}`;
      if (uses(tour.published))
        usages.push({
          state: 'published',
          title: { ru: `Экскурсия «${tour.title.ru}»`, en: `The tour “${tour.title.en}”` },
          href
        });
      if (uses(tour.open))
        usages.push({
          state: 'draft',
          title: {
            ru: `Черновик экскурсии «${tour.title.ru}»`,
            en: `The draft of the tour “${tour.title.en}”`
          },
          href
        });
    }
    return usages;
  };
}
