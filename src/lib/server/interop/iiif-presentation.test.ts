import { describe, expect, it } from 'vitest';
import { collectionDocument, exhibitManifest, languageMap } from './iiif-presentation';
import { openExhibit, testUrls } from './test-exhibits';

describe('exhibitManifest', () => {
  const manifest = exhibitManifest(openExhibit(), testUrls);

  it('is a Presentation 3 Manifest at its own absolute address', () => {
    expect(manifest['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
    expect(manifest.type).toBe('Manifest');
    expect(manifest.id).toBe('https://kraeved.example/iiif/3/manifests/exhibits/42');
  });

  it('labels in both languages, leaving out a language without text', () => {
    expect(manifest.label).toEqual({ ru: ['Сабля казачья «Златоуст»'], en: ['Cossack sabre'] });
    expect(manifest.summary).toEqual({ ru: ['Клинок с клеймом.\n\nНожны кожаные.'] });
  });

  it('lists the catalogue fields as metadata pairs, only those with a value', () => {
    const byLabel = Object.fromEntries(
      manifest.metadata.map((p) => [p.label.en?.[0] ?? '', p.value])
    );
    expect(byLabel['Inventory number']).toEqual({ none: ['КП-1204/3'] });
    expect(byLabel['Date']).toEqual({ ru: ['конец XIX в.'], en: ['late 19th century'] });
    expect(byLabel['Maker']).toEqual({ ru: ['Златоустовская оружейная фабрика'] });
    expect(byLabel['Material and technique']).toEqual({ ru: ['сталь, ковка; кожа'] });
    expect(byLabel['Dimensions']).toEqual({ ru: ['длина 98 см'], en: ['length 98 cm'] });
    expect(byLabel['Museum']).toEqual({
      ru: ['Амурский краеведческий музей'],
      en: ['Amur Regional Museum']
    });
    expect(byLabel['Category']?.en).toEqual(['Weapons']);
    expect(manifest.metadata.every((p) => Object.keys(p.value).length > 0)).toBe(true);
    expect(byLabel['Note']).toBeUndefined();
  });

  it('credits the museum and names the licence by its URI', () => {
    expect(manifest.requiredStatement.value.ru?.[0]).toContain('Амурский краеведческий музей');
    expect(manifest.rights).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(
      exhibitManifest(openExhibit({}, { rights: { statement: 'in-copyright' } }), testUrls).rights
    ).toBe('http://rightsstatements.org/vocab/InC/1.0/');
  });

  it('paints each image on a canvas of its full size, with its level-0 image service', () => {
    const [canvas] = manifest.items;
    expect(canvas).toMatchObject({ type: 'Canvas', width: 6000, height: 4000 });
    const annotation = canvas?.items[0]?.items[0];
    expect(annotation?.motivation).toBe('painting');
    expect(annotation?.target).toBe(canvas?.id);
    expect(annotation?.body).toMatchObject({
      id: 'https://kraeved.example/media/m/7/w1920.jpg',
      type: 'Image',
      format: 'image/jpeg',
      service: [
        { id: 'https://kraeved.example/iiif/3/7', type: 'ImageService3', profile: 'level0' }
      ]
    });
    expect(manifest.thumbnail?.[0]?.id).toBe('https://kraeved.example/media/m/7/w480.jpg');
  });

  it('leaves the service out for an image whose tiles are not made yet', () => {
    const exhibit = openExhibit();
    exhibit.images = exhibit.images.map((image) => ({ ...image, service: null }));
    const body = exhibitManifest(exhibit, testUrls).items[0]?.items[0]?.items[0]?.body;
    expect(body && 'service' in body).toBe(false);
  });

  it('links the exhibit page in both languages, its JSON and its Dublin Core record', () => {
    expect(manifest.homepage.map((h) => h.id)).toEqual([
      'https://kraeved.example/museums/amur-museum/exhibits/42',
      'https://kraeved.example/en/museums/amur-museum/exhibits/42'
    ]);
    expect(manifest.seeAlso.map((s) => s.id)).toEqual([
      'https://kraeved.example/api/v1/exhibits/42',
      'https://kraeved.example/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Akraeved.example%3Aexhibit%3A42'
    ]);
    expect(manifest.partOf?.[0]?.id).toBe(
      'https://kraeved.example/iiif/3/collections/amur-museum/weapons'
    );
  });

  it('says an invented demo object is one', () => {
    const demo = exhibitManifest(openExhibit({ origin: 'demo' }), testUrls);
    const note = demo.metadata.find((p) => p.label.en?.[0] === 'Note');
    expect(note?.value.en?.[0]).toMatch(/invented/);
  });
});

describe('collectionDocument', () => {
  it('lists the manifests of the collection’s exhibits', () => {
    const doc = collectionDocument(
      {
        slug: 'weapons',
        title: { ru: 'Оружие', en: '' },
        description: { ru: '', en: '' },
        museum: { slug: 'amur-museum', name: { ru: 'Музей', en: 'Museum' } }
      },
      [openExhibit(), openExhibit({ id: 43, images: [] })],
      testUrls
    );
    expect(doc).toMatchObject({
      type: 'Collection',
      id: 'https://kraeved.example/iiif/3/collections/amur-museum/weapons',
      label: { ru: ['Оружие'] }
    });
    expect(doc.summary).toBeUndefined();
    expect(doc.items.map((i) => [i.id, i.type, 'thumbnail' in i])).toEqual([
      ['https://kraeved.example/iiif/3/manifests/exhibits/42', 'Manifest', true],
      ['https://kraeved.example/iiif/3/manifests/exhibits/43', 'Manifest', false]
    ]);
  });
});

describe('languageMap', () => {
  it('is empty when neither language has text', () => {
    expect(languageMap({ ru: '', en: '' })).toEqual({});
  });
});
