import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/shared/museum';
import type { TourInput } from '$lib/shared/tour';

type Words = (inputs: Record<string, never>, options: { locale: Locale }) => string;

/** A field of a tour, a scene, a hotspot or a video by its path below that part. */
const fieldWords: Record<string, Words> = {
  title: m.tours_change_title,
  summary: m.tours_change_summary,
  description: m.tours_change_description,
  floorPlanAssetId: m.tours_change_floor_plan,
  key: m.tours_change_key,
  assetId: m.tours_change_panorama,
  startView: m.tours_change_start,
  plan: m.tours_change_plan_place,
  'narration.assetId': m.tours_change_narration,
  'narration.transcript': m.tours_change_transcript,
  label: m.tours_change_label,
  position: m.tours_change_position,
  'target.kind': m.tours_change_kind,
  'target.sceneKey': m.tours_change_target_scene,
  'target.body': m.tours_change_text,
  'target.assetId': m.tours_change_file,
  'target.caption': m.tours_change_caption,
  'target.transcript': m.tours_change_transcript,
  'target.exhibitId': m.tours_change_exhibit,
  'target.inventoryNumber': m.tours_change_exhibit,
  'target.url': m.tours_change_link,
  yaw: m.tours_change_yaw,
  pitch: m.tours_change_pitch,
  x: m.tours_change_x,
  y: m.tours_change_y
};
/** A video's fields differ from a scene's by the same names. */
const videoWords: Record<string, Words> = {
  kind: m.tours_change_video_kind,
  assetId: m.tours_change_file,
  captionsAssetId: m.tours_change_captions,
  url: m.tours_change_link,
  provider: m.tours_change_provider
};

const isIndex = (part: string | undefined) => part !== undefined && /^\d+$/.test(part);

/**
 * One line of the editor's change list in the reader's language: the diff's path
 * `scenes.0.hotspots.1.label.ru` becomes «Зал 1 › точка «Токарный станок» › подпись (ru)».
 * Scenes, hotspots and videos are named from the versions given (the new one first, so a part
 * only the old one has is still named); a path it does not know stays as it is.
 */
export function changeLine(
  field: string,
  versions: readonly (TourInput | null | undefined)[],
  locale: Locale
): string {
  const path = field.split('.');
  const lang = path.at(-1) === 'ru' || path.at(-1) === 'en' ? path.pop() : undefined;
  const inLocale = (pair: { ru: string; en: string } | null | undefined) =>
    (pair?.[locale] || pair?.ru || pair?.en || '').trim();
  const line: string[] = [];
  let words = fieldWords;

  const [part, index] = path;
  let parts = path;
  if (part === 'scenes' && isIndex(index)) {
    const s = Number(index);
    const scene = versions.map((v) => v?.scenes?.[s]).find(Boolean);
    line.push(inLocale(scene?.title) || m.tours_change_scene({ n: s + 1 }, { locale }));
    parts = path.slice(2);
    if (parts[0] === 'hotspots' && isIndex(parts[1])) {
      const h = Number(parts[1]);
      const label = inLocale(scene?.hotspots?.[h]?.label);
      line.push(
        label
          ? m.tours_change_hotspot({ label }, { locale })
          : m.tours_change_hotspot_n({ n: h + 1 }, { locale })
      );
      parts = parts.slice(2);
    }
  } else if (part === 'videos' && isIndex(index)) {
    const v = Number(index);
    const title = inLocale(versions.map((version) => version?.videos?.[v]).find(Boolean)?.title);
    line.push(
      title
        ? m.tours_change_video({ title }, { locale })
        : m.tours_change_video_n({ n: v + 1 }, { locale })
    );
    parts = path.slice(2);
    words = { ...fieldWords, ...videoWords };
  } else if (part === 'route' && isIndex(index)) {
    line.push(m.tours_change_route_stop({ n: Number(index) + 1 }, { locale }));
    parts = path.slice(2);
  }

  // The longest known name first: `narration.transcript` before `narration`.
  while (parts.length > 0) {
    const known = [2, 1].map((n) => parts.slice(0, n).join('.')).find((name) => words[name]);
    if (!known) {
      line.push(parts.join('.'));
      break;
    }
    line.push(words[known]!({}, { locale }));
    parts = parts.slice(known.split('.').length);
  }
  const text = line.join(' › ') + (lang ? ` (${lang})` : '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
