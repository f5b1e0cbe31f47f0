import {
  exhibitionBlockKinds,
  type ExhibitionBlockInput,
  type ExhibitionBlockKind,
  type ExhibitionInput,
  type ExhibitionRecord
} from '$lib/shared/exhibition';
import { recognizeVideoLink } from '$lib/shared/video-links';
import { FormFields } from '../forms/fields';

/** What the editor's form asked for besides its fields: a block added, moved or removed. */
export type BlockArrangement =
  { op: 'add'; kind: ExhibitionBlockKind } | { op: 'up' | 'down' | 'remove'; row: number };

/** A `block` button's value: `add:quote`, `up:3`, `down:3`, `remove:3` (3 is the form's row number). */
export function readArrangement(value: string): BlockArrangement | null {
  const [op, arg = ''] = value.split(':');
  if (op === 'add')
    return exhibitionBlockKinds.includes(arg as ExhibitionBlockKind)
      ? { op, kind: arg as ExhibitionBlockKind }
      : null;
  const row = Number(arg);
  if ((op === 'up' || op === 'down' || op === 'remove') && Number.isInteger(row) && row >= 0)
    return { op, row };
  return null;
}

/**
 * Reads the exhibition editor's plain HTML form. Blocks are numbered rows (`blocks.3.body.ru`)
 * ordered by their position field; each keeps its kind and key in hidden fields. A `block` submit
 * button adds a block of a kind at the end, or moves or removes one, so the order can be changed
 * without JavaScript; `arranged` says the form asked for that rather than for a save.
 */
export function readExhibitionForm(
  form: FormData,
  base: ExhibitionRecord
): { input: ExhibitionInput; arranged: boolean } {
  const f = new FormFields(form);
  const pair = (name: string) => f.pair(name) ?? { ru: '', en: '' };
  const id = (name: string) => Number(f.text(name)) || 0;
  const figure = (row: string) => ({
    assetId: id(`${row}.assetId`),
    caption: f.pair(`${row}.caption`)
  });

  const rows = f.rows('blocks', (row) => {
    const kind = f.text(`${row}.kind`);
    const key = f.text(`${row}.key`);
    const block = readBlock(kind, key, row);
    return block ? { row: Number(row.split('.')[1]), block } : null;
  });

  function readBlock(kind: string, key: string, row: string): ExhibitionBlockInput | null {
    switch (kind) {
      case 'text':
        return { kind, key, body: pair(`${row}.body`) };
      case 'exhibit':
        return { kind, key, exhibitId: id(`${row}.exhibitId`), note: f.pair(`${row}.note`) };
      case 'image':
        return { kind, key, ...figure(row) };
      case 'images':
        return { kind, key, left: figure(`${row}.left`), right: figure(`${row}.right`) };
      case 'quote':
        return { kind, key, text: pair(`${row}.text`), attribution: f.pair(`${row}.attribution`) };
      case 'video': {
        const title = pair(`${row}.video.title`);
        if (f.text(`${row}.video.kind`) === 'link') {
          const url = f.text(`${row}.video.url`);
          // An address no site is recognised from is refused by the check, beside this field.
          const provider = recognizeVideoLink(url)?.provider ?? 'youtube';
          return { kind, key, video: { kind: 'link', title, provider, url } };
        }
        return {
          kind,
          key,
          video: {
            kind: 'clip',
            title,
            assetId: id(`${row}.video.assetId`),
            captionsAssetId: id(`${row}.video.captionsAssetId`) || null
          }
        };
      }
      case 'audio':
        return {
          kind,
          key,
          assetId: id(`${row}.assetId`),
          title: pair(`${row}.title`),
          transcript: f.pair(`${row}.transcript`)
        };
      default:
        return null;
    }
  }

  const arrangement = readArrangement(f.text('block'));
  if (arrangement?.op === 'add') {
    const key = freeKey(new Set(rows.map((r) => r.block.key ?? '')));
    rows.push({ row: -1, block: emptyBlock(arrangement.kind, key) });
  } else if (arrangement) {
    const i = rows.findIndex((r) => r.row === arrangement.row);
    const to = arrangement.op === 'up' ? i - 1 : i + 1;
    if (i >= 0 && arrangement.op === 'remove') rows.splice(i, 1);
    else if (i >= 0 && to >= 0 && to < rows.length) [rows[i], rows[to]] = [rows[to]!, rows[i]!];
  }
  // A block that came without a key (a hand-made form) gets one, so the editor can name it.
  const used = new Set(rows.map((r) => r.block.key ?? '').filter(Boolean));
  for (const r of rows) if (!r.block.key) r.block = { ...r.block, key: freeKey(used) };

  const kind = f.text('dates.kind');
  return {
    input: {
      ...base,
      title: pair('title'),
      subtitle: f.pair('subtitle'),
      coverAssetId: id('coverAssetId') || null,
      authors: f.pairLines('authors'),
      dates:
        kind === 'period'
          ? { kind, opening: f.text('dates.opening'), closing: f.optional('dates.closing') }
          : { kind: 'permanent' },
      blocks: rows.map((r) => r.block)
    },
    arranged: arrangement !== null
  };
}

/** A block of a kind with its fields empty, for the editor to fill. */
export function emptyBlock(kind: ExhibitionBlockKind, key: string): ExhibitionBlockInput {
  const empty = { ru: '', en: '' };
  switch (kind) {
    case 'text':
      return { kind, key, body: empty };
    case 'exhibit':
      return { kind, key, exhibitId: 0 };
    case 'image':
      return { kind, key, assetId: 0 };
    case 'images':
      return { kind, key, left: { assetId: 0 }, right: { assetId: 0 } };
    case 'quote':
      return { kind, key, text: empty };
    case 'video':
      return { kind, key, video: { kind: 'link', title: empty, provider: 'youtube', url: '' } };
    case 'audio':
      return { kind, key, assetId: 0, title: empty };
  }
}

/** The first `b1`, `b2` … not yet taken. */
function freeKey(taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const key = `b${n}`;
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
}
