import { tourInput, type TourInput, type TourRecord } from '$lib/shared/tour';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import { plainText, sanitizeRichText } from '../content/rich-text';
import type { Asset } from '../media/repository';
import type { MediaKind } from '../media/types';
import { recognizeVideoLink } from '$lib/shared/video-links';

export type TourCheck = { ok: true; record: TourRecord } | { ok: false; errors: FieldError[] };

export { plainText };

const plainPair = <T extends { ru: string; en: string } | null | undefined>(value: T): T =>
  value ? { ...value, ru: plainText(value.ru), en: plainText(value.en) } : value;

/**
 * Cleans every text of a tour on its way in: hotspot text is rich text through the one sanitiser,
 * everything else is plain text. Panorama viewers put hotspot text into the page as HTML, and
 * that is where script injection has got in before.
 */
export function cleanTour(record: TourRecord): TourRecord {
  return {
    ...record,
    title: plainPair(record.title),
    summary: plainPair(record.summary),
    scenes: record.scenes.map((scene) => ({
      ...scene,
      title: plainPair(scene.title),
      description: plainPair(scene.description),
      narration: scene.narration
        ? { ...scene.narration, transcript: plainPair(scene.narration.transcript) }
        : scene.narration,
      hotspots: scene.hotspots.map((hotspot) => {
        const target = hotspot.target;
        return {
          ...hotspot,
          label: plainPair(hotspot.label),
          target:
            target.kind === 'text'
              ? {
                  ...target,
                  body: {
                    ru: sanitizeRichText(target.body.ru),
                    en: sanitizeRichText(target.body.en)
                  }
                }
              : target.kind === 'photo'
                ? { ...target, caption: plainPair(target.caption) }
                : target.kind === 'audio'
                  ? { ...target, transcript: plainPair(target.transcript) }
                  : target.kind === 'exhibit'
                    ? {
                        ...target,
                        inventoryNumber: target.inventoryNumber
                          ? plainText(target.inventoryNumber)
                          : target.inventoryNumber
                      }
                    : target
        };
      })
    })),
    videos: record.videos.map((video) => ({
      ...video,
      title: plainPair(video.title),
      // The site is read from the address, whatever the form said.
      ...(video.kind === 'link' && {
        provider: recognizeVideoLink(video.url)?.provider ?? video.provider
      })
    }))
  };
}

/** Every asset a tour points at, with the kinds it may be and the form field that names it. */
export function assetReferences(
  record: TourRecord
): { field: string; assetId: number; kinds: MediaKind[] }[] {
  const refs: { field: string; assetId: number; kinds: MediaKind[] }[] = [];
  if (record.floorPlanAssetId)
    refs.push({ field: 'floorPlanAssetId', assetId: record.floorPlanAssetId, kinds: ['image'] });
  record.scenes.forEach((scene, s) => {
    refs.push({ field: `scenes.${s}.assetId`, assetId: scene.assetId, kinds: ['panorama'] });
    if (scene.narration)
      refs.push({
        field: `scenes.${s}.narration.assetId`,
        assetId: scene.narration.assetId,
        kinds: ['audio']
      });
    scene.hotspots.forEach((hotspot, h) => {
      const target = hotspot.target;
      const field = `scenes.${s}.hotspots.${h}.target.assetId`;
      if (target.kind === 'photo')
        refs.push({ field, assetId: target.assetId, kinds: ['image', 'panorama'] });
      if (target.kind === 'audio') refs.push({ field, assetId: target.assetId, kinds: ['audio'] });
    });
  });
  record.videos.forEach((video, v) => {
    if (video.kind !== 'clip') return;
    refs.push({ field: `videos.${v}.assetId`, assetId: video.assetId, kinds: ['video'] });
    if (video.captionsAssetId)
      refs.push({
        field: `videos.${v}.captionsAssetId`,
        assetId: video.captionsAssetId,
        kinds: ['document']
      });
  });
  return refs;
}

/**
 * Checks a tour as staff send it. `assets` are the museum's assets among those the tour names
 * (use assetReferences to know which). Messages are in both languages, keyed by field path.
 */
export function checkTour(
  input: TourInput,
  assets: Map<number, Asset>,
  forVisitors: boolean,
  /** The museum's exhibits among those the hotspots name. */
  exhibits: Set<number> = new Set()
): TourCheck {
  const links = unknownVideoLinks(input);
  const parsed = checkInBothLanguages(tourInput, input);
  if (!parsed.ok) {
    // Zod's "invalid URL" says less than our own words about which links are taken.
    const ours = new Set(links.map((e) => e.field));
    return { ok: false, errors: [...parsed.errors.filter((e) => !ours.has(e.field)), ...links] };
  }
  // Cleaning can empty a field ("<script>…</script>" as a label): check again after it.
  const cleaned = checkInBothLanguages(tourInput, cleanTour(parsed.data));
  if (!cleaned.ok) return cleaned;
  const record = cleaned.data;
  const errors: FieldError[] = [...links];
  const sceneKeys = new Set<string>();
  record.scenes.forEach((scene, s) => {
    if (sceneKeys.has(scene.key)) errors.push({ field: `scenes.${s}.key`, message: duplicateKey });
    sceneKeys.add(scene.key);
    const hotspotKeys = new Set<string>();
    scene.hotspots.forEach((hotspot, h) => {
      if (hotspotKeys.has(hotspot.key))
        errors.push({ field: `scenes.${s}.hotspots.${h}.key`, message: duplicateKey });
      hotspotKeys.add(hotspot.key);
    });
  });
  record.scenes.forEach((scene, s) =>
    scene.hotspots.forEach((hotspot, h) => {
      if (hotspot.target.kind === 'scene' && !sceneKeys.has(hotspot.target.sceneKey))
        errors.push({ field: `scenes.${s}.hotspots.${h}.target.sceneKey`, message: noSuchScene });
    })
  );
  record.scenes.forEach((scene, s) =>
    scene.hotspots.forEach((hotspot, h) => {
      const target = hotspot.target;
      if (target.kind === 'exhibit' && !exhibits.has(target.exhibitId))
        errors.push({
          field: `scenes.${s}.hotspots.${h}.target.inventoryNumber`,
          message: target.inventoryNumber
            ? {
                ru: `В собрании музея нет предмета с инвентарным номером ${target.inventoryNumber}. Проверьте номер.`,
                en: `The museum’s collection has no object with inventory number ${target.inventoryNumber}. Check the number.`
              }
            : {
                ru: 'Укажите инвентарный номер предмета из собрания музея.',
                en: 'Give the inventory number of an object in the museum’s collection.'
              }
        });
    })
  );
  record.route.forEach((key, r) => {
    if (!sceneKeys.has(key)) errors.push({ field: `route.${r}`, message: noSuchScene });
  });
  for (const ref of assetReferences(record)) {
    const asset = assets.get(ref.assetId);
    if (!asset || !ref.kinds.includes(asset.kind)) {
      errors.push({
        field: ref.field,
        message:
          ref.kinds.includes('panorama') && ref.kinds.length === 1 ? notAPanorama : notInLibrary
      });
    } else if (asset.kind === 'panorama' && ref.kinds.length === 1 && asset.status !== 'ready') {
      errors.push({
        field: ref.field,
        message:
          asset.status === 'failed'
            ? {
                ru: `Панораму «${asset.fileName}» не удалось обработать. Повторите обработку в медиатеке или выберите другую.`,
                en: `The panorama “${asset.fileName}” could not be processed. Retry it in the media library or choose another.`
              }
            : {
                ru: `Панорама «${asset.fileName}» ещё обрабатывается. Подождите минуту и попробуйте снова.`,
                en: `The panorama “${asset.fileName}” is still being processed. Wait a minute and try again.`
              }
      });
    }
  }
  if (forVisitors && record.scenes.length === 0) {
    errors.push({
      field: 'scenes',
      message: {
        ru: 'В экскурсии нет ни одной сцены. Добавьте хотя бы одну панораму, прежде чем публиковать.',
        en: 'The tour has no scenes. Add at least one panorama before publishing it.'
      }
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record };
}

/** Link videos whose address is not one video on VK Video, RuTube or YouTube. */
function unknownVideoLinks(input: TourInput): FieldError[] {
  return (input.videos ?? []).flatMap((video, v) =>
    video?.kind === 'link' && !recognizeVideoLink(String(video.url ?? ''))
      ? [{ field: `videos.${v}.url`, message: unknownVideoLink }]
      : []
  );
}

const unknownVideoLink = {
  ru: 'Это не ссылка на видео VK Видео, RuTube или YouTube. Откройте видео на сайте и скопируйте адрес из строки браузера, например https://rutube.ru/video/…',
  en: 'This is not a link to a video on VK Video, RuTube or YouTube. Open the video on the site and copy the address from the browser’s address bar, e.g. https://rutube.ru/video/…'
};
const duplicateKey = {
  ru: 'Такой ключ уже есть. Ключи в экскурсии не повторяются.',
  en: 'This key is already used. Keys within a tour must differ.'
};
const noSuchScene = {
  ru: 'В экскурсии нет такой сцены. Выберите одну из её сцен.',
  en: 'The tour has no such scene. Choose one of its scenes.'
};
const notAPanorama = {
  ru: 'Это не панорама из медиатеки музея. Выберите панораму 360°.',
  en: 'This is not a panorama in the museum’s media library. Choose a 360° panorama.'
};
const notInLibrary = {
  ru: 'Этого файла нет в медиатеке музея (или он другого вида). Выберите другой.',
  en: 'This file is not in the museum’s media library (or is of another kind). Choose another.'
};
