import type { Asset } from '../media/repository';
import type { AssetUsage } from '../media/library';
import type { ExhibitRepository } from './repository';

/** Where a museum's exhibits show an asset: a published exhibit, and the version being edited. */
export function exhibitUsages(exhibits: ExhibitRepository) {
  return async (asset: Asset): Promise<AssetUsage[]> =>
    (await exhibits.usagesOf(asset.id))
      .filter((row) => row.museum_id === asset.museumId)
      .map((row) => {
        const title = { ru: row.title_ru, en: row.title_en || row.title_ru };
        return {
          state: row.version === 'published' ? 'published' : 'draft',
          title:
            row.version === 'published'
              ? {
                  ru: `Предмет № ${row.inventory_number} «${title.ru}»`,
                  en: `Object no. ${row.inventory_number} “${title.en}”`
                }
              : {
                  ru: `Черновик предмета № ${row.inventory_number} «${title.ru}»`,
                  en: `The draft of object no. ${row.inventory_number} “${title.en}”`
                },
          href: `/admin/museums/${asset.museumId}/exhibits/${row.id}`
        };
      });
}
