import type { NewsRecord } from '$lib/shared/news';
import type { AssetUsage } from '../media/library';
import type { Asset } from '../media/repository';
import { newsAssets } from './checks';
import type { NewsRepository } from './repository';

/** Where news shows an asset: the museum's own and the association's, published or in a version. */
export function newsUsages(news: NewsRepository) {
  return async (asset: Asset): Promise<AssetUsage[]> => {
    const usages: AssetUsage[] = [];
    const uses = (record: NewsRecord | null) =>
      record !== null && newsAssets(record).some((r) => r.assetId === asset.id);
    for (const item of await news.recordsUsingFilesOf(asset.museumId)) {
      const href =
        item.museumId === null
          ? `/admin/association/news/${item.id}`
          : `/admin/museums/${item.museumId}/news/${item.id}`;
      const { ru, en } = item.title;
      if (uses(item.published))
        usages.push({
          state: 'published',
          title: { ru: `Новость «${ru}»`, en: `The news “${en}”` },
          href
        });
      if (uses(item.open))
        usages.push({
          state: 'draft',
          title: { ru: `Черновик новости «${ru}»`, en: `The draft of the news “${en}”` },
          href
        });
    }
    return usages;
  };
}
