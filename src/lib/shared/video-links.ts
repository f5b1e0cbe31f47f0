/** The video sites a tour may link to; the visitor's page loads their player only after a click. */
export const videoProviders = ['vk', 'rutube', 'youtube'] as const;
export type VideoProvider = (typeof videoProviders)[number];

export interface VideoLink {
  provider: VideoProvider;
  /** The provider's player for an iframe. */
  embedUrl: string;
}

const youtubeId = /^[\w-]{6,20}$/;

/**
 * Which site a pasted video address belongs to, and its player's address: YouTube (watch, youtu.be,
 * shorts, embed), RuTube (video and embed pages) and VK Video (vk.com, vk.ru, vkvideo.ru, also the
 * `?z=video…` form). Null for anything else, including a malformed address or a site's page that
 * is not one video.
 */
export function recognizeVideoLink(url: string): VideoLink | null {
  const parsed = URL.parse(url.trim());
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  const host = parsed.hostname.toLowerCase().replace(/^(www|m)\./, '');
  const segments = parsed.pathname.split('/').filter(Boolean);

  if (host === 'youtube.com' || host === 'youtu.be' || host === 'youtube-nocookie.com') {
    const id =
      host === 'youtu.be'
        ? segments[0]
        : segments[0] === 'watch'
          ? parsed.searchParams.get('v')
          : ['shorts', 'embed', 'live'].includes(segments[0] ?? '')
            ? segments[1]
            : null;
    return id && youtubeId.test(id)
      ? { provider: 'youtube', embedUrl: `https://www.youtube-nocookie.com/embed/${id}` }
      : null;
  }
  if (host === 'rutube.ru') {
    const id = /^\/(?:video|play\/embed)\/([0-9a-f]{8,64})\/?$/.exec(parsed.pathname)?.[1];
    return id ? { provider: 'rutube', embedUrl: `https://rutube.ru/play/embed/${id}` } : null;
  }
  if (host === 'vk.com' || host === 'vk.ru' || host === 'vkvideo.ru') {
    const found =
      /^\/video(-?\d+)_(\d+)\/?$/.exec(parsed.pathname) ??
      /^video(-?\d+)_(\d+)$/.exec(parsed.searchParams.get('z')?.split('/')[0] ?? '');
    if (found)
      return {
        provider: 'vk',
        embedUrl: `https://vkvideo.ru/video_ext.php?oid=${found[1]}&id=${found[2]}`
      };
    const oid = parsed.searchParams.get('oid');
    const id = parsed.searchParams.get('id');
    if (segments[0] === 'video_ext.php' && oid && id && /^-?\d+$/.test(oid) && /^\d+$/.test(id))
      return { provider: 'vk', embedUrl: `https://vkvideo.ru/video_ext.php?oid=${oid}&id=${id}` };
    return null;
  }
  return null;
}
