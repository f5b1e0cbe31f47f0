import {
  exhibitionInput,
  type ExhibitionBlock,
  type ExhibitionInput,
  type ExhibitionRecord
} from '$lib/shared/exhibition';
import { recognizeVideoLink } from '$lib/shared/video-links';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import { plainText, sanitizeRichText } from '../content/rich-text';
import type { Asset } from '../media/repository';
import type { MediaKind } from '../media/types';

export type ExhibitionCheck =
  { ok: true; record: ExhibitionRecord } | { ok: false; errors: FieldError[] };

/** What an exhibition points at, looked up in its owner's data by the caller. */
export interface ExhibitionContext {
  /** The owner's assets among those the record names. */
  assets: Map<number, Asset>;
  /** Exhibits the exhibition may show among those it names (published or not). */
  exhibits: Set<number>;
}

type Pair = { ru: string; en: string };
const plainPair = <T extends Pair | null | undefined>(value: T): T =>
  value ? { ...value, ru: plainText(value.ru), en: plainText(value.en) } : value;

function cleanBlock(block: ExhibitionBlock): ExhibitionBlock {
  switch (block.kind) {
    case 'text':
      return {
        ...block,
        body: { ru: sanitizeRichText(block.body.ru), en: sanitizeRichText(block.body.en) }
      };
    case 'exhibit':
      return { ...block, note: plainPair(block.note) };
    case 'image':
      return { ...block, caption: plainPair(block.caption) };
    case 'images':
      return {
        ...block,
        left: { ...block.left, caption: plainPair(block.left.caption) },
        right: { ...block.right, caption: plainPair(block.right.caption) }
      };
    case 'quote':
      return { ...block, text: plainPair(block.text), attribution: plainPair(block.attribution) };
    case 'video':
      return {
        ...block,
        video: {
          ...block.video,
          title: plainPair(block.video.title),
          // The site is read from the address, whatever the form said.
          ...(block.video.kind === 'link' && {
            provider: recognizeVideoLink(block.video.url)?.provider ?? block.video.provider
          })
        }
      };
    case 'audio':
      return { ...block, title: plainPair(block.title), transcript: plainPair(block.transcript) };
  }
}

/**
 * Cleans every text of an exhibition on its way in: text blocks are rich text through the one
 * sanitiser, everything else is plain text.
 */
export function cleanExhibition(record: ExhibitionRecord): ExhibitionRecord {
  return {
    ...record,
    title: plainPair(record.title),
    subtitle: plainPair(record.subtitle),
    authors: record.authors.map(plainPair),
    blocks: record.blocks.map(cleanBlock)
  };
}

/** Every file an exhibition names, with the kinds it may be and the field that names it. */
export function exhibitionAssets(
  record: ExhibitionRecord
): { field: string; assetId: number; kinds: MediaKind[] }[] {
  const refs: { field: string; assetId: number; kinds: MediaKind[] }[] = [];
  if (record.coverAssetId)
    refs.push({ field: 'coverAssetId', assetId: record.coverAssetId, kinds: ['image'] });
  record.blocks.forEach((block, b) => {
    const at = `blocks.${b}`;
    if (block.kind === 'image')
      refs.push({ field: `${at}.assetId`, assetId: block.assetId, kinds: ['image'] });
    if (block.kind === 'images')
      for (const side of ['left', 'right'] as const)
        refs.push({
          field: `${at}.${side}.assetId`,
          assetId: block[side].assetId,
          kinds: ['image']
        });
    if (block.kind === 'audio')
      refs.push({ field: `${at}.assetId`, assetId: block.assetId, kinds: ['audio'] });
    if (block.kind === 'video' && block.video.kind === 'clip') {
      refs.push({ field: `${at}.video.assetId`, assetId: block.video.assetId, kinds: ['video'] });
      if (block.video.captionsAssetId)
        refs.push({
          field: `${at}.video.captionsAssetId`,
          assetId: block.video.captionsAssetId,
          kinds: ['document']
        });
    }
  });
  return refs;
}

/** The exhibit ids an exhibition's blocks name. */
export function exhibitionExhibits(record: ExhibitionRecord): number[] {
  return record.blocks.flatMap((b) => (b.kind === 'exhibit' ? [b.exhibitId] : []));
}

/** Positive integers under `assetId`-like and `exhibitId` keys of a raw input, to look them up. */
export function rawReferences(
  value: unknown,
  out = { assets: new Set<number>(), exhibits: new Set<number>() }
) {
  if (Array.isArray(value)) value.forEach((v) => rawReferences(v, out));
  else if (value && typeof value === 'object')
    for (const [name, inner] of Object.entries(value)) {
      const n = Number(inner);
      const isId = typeof inner === 'number' && Number.isInteger(n) && n > 0;
      if (isId && /assetId$/i.test(name)) out.assets.add(n);
      else if (isId && name === 'exhibitId') out.exhibits.add(n);
      else rawReferences(inner, out);
    }
  return out;
}

/**
 * Checks an exhibition as staff send it. Messages in both languages, keyed by field path. For
 * visitors (review, publishing) it needs a block, and every image must be processed and have its
 * text for blind visitors.
 */
export function checkExhibition(
  input: ExhibitionInput,
  context: ExhibitionContext,
  forVisitors: boolean
): ExhibitionCheck {
  const links = unknownVideoLinks(input);
  const parsed = checkInBothLanguages(exhibitionInput, input);
  if (!parsed.ok) {
    // Zod's "invalid URL" says less than our own words about which links are taken.
    const ours = new Set(links.map((e) => e.field));
    return { ok: false, errors: [...parsed.errors.filter((e) => !ours.has(e.field)), ...links] };
  }
  // Cleaning can empty a field ("<script>…</script>" as a quote): check again after it.
  const cleaned = checkInBothLanguages(exhibitionInput, cleanExhibition(parsed.data));
  if (!cleaned.ok) return cleaned;
  const record = cleaned.data;
  const errors: FieldError[] = [...links];
  const keys = new Set<string>();
  record.blocks.forEach((block, b) => {
    if (keys.has(block.key)) errors.push({ field: `blocks.${b}.key`, message: duplicateKey });
    keys.add(block.key);
    if (block.kind === 'exhibit' && !context.exhibits.has(block.exhibitId))
      errors.push({ field: `blocks.${b}.exhibitId`, message: notAnExhibit });
  });
  for (const ref of exhibitionAssets(record)) {
    const asset = context.assets.get(ref.assetId);
    if (!asset || !ref.kinds.includes(asset.kind)) {
      errors.push({ field: ref.field, message: notInLibrary });
      continue;
    }
    if (!forVisitors || asset.kind !== 'image') continue;
    if (asset.status !== 'ready')
      errors.push({
        field: ref.field,
        message: {
          ru: `Изображение «${asset.fileName}» ещё не готово (обрабатывается или не обработано). Подождите или повторите обработку в медиатеке.`,
          en: `The image “${asset.fileName}” is not ready (being processed or failed). Wait or retry it in the media library.`
        }
      });
    else if (!asset.alt.ru || !asset.alt.en)
      errors.push({
        field: ref.field,
        message: {
          ru: `У изображения «${asset.fileName}» нет описания для незрячих посетителей (alt) на обоих языках. Добавьте его в медиатеке.`,
          en: `The image “${asset.fileName}” lacks text for blind visitors (alt) in both languages. Add it in the media library.`
        }
      });
  }
  if (forVisitors && record.blocks.length === 0)
    errors.push({
      field: 'blocks',
      message: {
        ru: 'В выставке нет ни одного блока. Добавьте хотя бы текст или изображение, прежде чем публиковать.',
        en: 'The exhibition has no blocks. Add at least a text or an image before publishing it.'
      }
    });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record };
}

/** Video blocks whose link is not one video on VK Video, RuTube or YouTube. */
function unknownVideoLinks(input: ExhibitionInput): FieldError[] {
  return (input.blocks ?? []).flatMap((block, b) =>
    block?.kind === 'video' &&
    block.video?.kind === 'link' &&
    !recognizeVideoLink(String(block.video.url ?? ''))
      ? [{ field: `blocks.${b}.video.url`, message: unknownVideoLink }]
      : []
  );
}

const unknownVideoLink = {
  ru: 'Это не ссылка на видео VK Видео, RuTube или YouTube. Откройте видео на сайте и скопируйте адрес из строки браузера, например https://rutube.ru/video/…',
  en: 'This is not a link to a video on VK Video, RuTube or YouTube. Open the video on the site and copy the address from the browser’s address bar, e.g. https://rutube.ru/video/…'
};
const duplicateKey = {
  ru: 'Такой ключ блока уже есть. Ключи в выставке не повторяются.',
  en: 'This block key is already used. Keys within an exhibition must differ.'
};
const notAnExhibit = {
  ru: 'Такого предмета нет в коллекции музея. Выберите предмет этого музея.',
  en: 'The museum’s collection has no such object. Choose an object of this museum.'
};
const notInLibrary = {
  ru: 'Этого файла нет в медиатеке (или он другого вида). Выберите другой.',
  en: 'This file is not in the media library (or is of another kind). Choose another.'
};
