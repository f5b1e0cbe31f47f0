/** What the embed snippet puts on another site's page. */
export interface EmbedChoice {
  origin: string;
  museumSlug: string;
  tourSlug: string;
  title: string;
  /** One scene, or the whole tour from its start. */
  sceneKey: string | null;
  width: number;
  height: number;
}

export const embedSizes = [
  { width: 560, height: 420 },
  { width: 800, height: 600 },
  { width: 1024, height: 640 }
] as const;

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The <iframe> code to copy: sized, lazy, allowed full screen and the phone's gyroscope. */
export function embedCode(choice: EmbedChoice): string {
  const path = `/embed/tours/${encodeURIComponent(choice.museumSlug)}/${encodeURIComponent(choice.tourSlug)}`;
  const query = choice.sceneKey ? `?scene=${encodeURIComponent(choice.sceneKey)}` : '';
  return (
    `<iframe src="${attribute(choice.origin + path + query)}" ` +
    `width="${Math.round(choice.width)}" height="${Math.round(choice.height)}" ` +
    `title="${attribute(choice.title)}" style="border:0" loading="lazy" ` +
    `allow="fullscreen; gyroscope; accelerometer" allowfullscreen></iframe>`
  );
}
