import type { ExhibitionRecord } from '$lib/shared/exhibition';
import type { AssetUsage } from '../media/library';
import type { Asset } from '../media/repository';
import { exhibitionAssets } from './checks';
import type { ExhibitionRepository } from './repository';

/**
 * Where online exhibitions show an asset: the museum's own and the association's (which uses
 * member museums' files), published or in the version being edited.
 */
export function exhibitionUsages(exhibitions: ExhibitionRepository) {
  return async (asset: Asset): Promise<AssetUsage[]> => {
    const usages: AssetUsage[] = [];
    const uses = (record: ExhibitionRecord | null) =>
      record !== null && exhibitionAssets(record).some((r) => r.assetId === asset.id);
    for (const exhibition of await exhibitions.recordsUsingFilesOf(asset.museumId)) {
      const href =
        exhibition.museumId === null
          ? `/admin/association/exhibitions/${exhibition.id}`
          : `/admin/museums/${exhibition.museumId}/exhibitions/${exhibition.id}`;
      const { ru, en } = exhibition.title;
      if (uses(exhibition.published))
        usages.push({
          state: 'published',
          title: { ru: `Выставка «${ru}»`, en: `The exhibition “${en}”` },
          href
        });
      if (uses(exhibition.open))
        usages.push({
          state: 'draft',
          title: { ru: `Черновик выставки «${ru}»`, en: `The draft of the exhibition “${en}”` },
          href
        });
    }
    return usages;
  };
}
