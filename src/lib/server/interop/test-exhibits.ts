/** A published exhibit as the interop tests beside this one build their documents from. */
import { exhibitInput, type ExhibitInput } from '$lib/shared/exhibit';
import { OpenUrls, type OpenExhibit } from './open-exhibits';

export const testUrls = new OpenUrls('https://kraeved.example', (key) => `/media/${key}`);

export function openExhibit(
  overrides: Partial<Omit<OpenExhibit, 'record'>> = {},
  record: Partial<ExhibitInput> = {}
): OpenExhibit {
  return {
    id: 42,
    publishedAt: '2026-11-20T09:30:15.250Z',
    origin: 'staff',
    museum: {
      slug: 'amur-museum',
      name: { ru: 'Амурский краеведческий музей', en: 'Amur Regional Museum' }
    },
    collection: {
      slug: 'weapons',
      title: { ru: 'Оружие', en: 'Weapons' }
    },
    images: [
      {
        assetId: 7,
        width: 6000,
        height: 4000,
        alt: { ru: 'Сабля на сером фоне', en: 'A sabre on grey' },
        caption: { ru: '', en: '' },
        credit: 'Фото: И. Петров',
        large: { url: 'https://kraeved.example/media/m/7/w1920.jpg', width: 1920, height: 1280 },
        thumbnail: { url: 'https://kraeved.example/media/m/7/w480.jpg', width: 480, height: 320 },
        service: 'https://kraeved.example/iiif/3/7'
      }
    ],
    ...overrides,
    record: exhibitInput.parse({
      inventoryNumber: 'КП-1204/3',
      title: { ru: 'Сабля казачья «Златоуст»', en: 'Cossack sabre' },
      description: { ru: 'Клинок с клеймом.\n\nНожны кожаные.', en: '' },
      dating: { ru: 'конец XIX в.', en: 'late 19th century' },
      yearFrom: 1880,
      yearTo: 1899,
      maker: { ru: 'Златоустовская оружейная фабрика', en: '' },
      place: { ru: 'Златоуст', en: 'Zlatoust' },
      technique: { ru: 'сталь, ковка; кожа', en: '' },
      material: 'metal',
      dimensions: { ru: 'длина 98 см', en: 'length 98 cm' },
      category: 'weapons',
      collectionId: 3,
      tags: ['казачество', 'оружие'],
      rights: { statement: 'cc-by', credit: 'Амурский краеведческий музей' },
      ...record
    })
  };
}
