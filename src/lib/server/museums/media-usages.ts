import type { Asset } from '../media/repository';
import type { AssetUsage } from '../media/library';
import type { MuseumRepository } from './repository';
import type { RevisionRepository } from './revisions';

/** Where a museum's profile shows an asset: its published page, and the version being edited. */
export function museumPhotoUsages(museums: MuseumRepository, revisions: RevisionRepository) {
  return async (asset: Asset): Promise<AssetUsage[]> => {
    const [published, open, record] = await Promise.all([
      museums.photoUsers(asset.id),
      revisions.open(asset.museumId),
      museums.loadRecord(asset.museumId)
    ]);
    const usages: AssetUsage[] = [];
    const title = record ? record.name : { ru: 'Музей', en: 'Museum' };
    for (const museumId of published) {
      usages.push({
        state: 'published',
        title: { ru: `Страница музея «${title.ru}»`, en: `The page of ${title.en}` },
        href: `/admin/museums/${museumId}`
      });
    }
    if (open?.data.photos.includes(asset.id)) {
      usages.push({
        state: 'draft',
        title: {
          ru: `Черновик страницы музея «${title.ru}»`,
          en: `The draft page of ${title.en}`
        },
        href: `/admin/museums/${asset.museumId}`
      });
    }
    return usages;
  };
}
