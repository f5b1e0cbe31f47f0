import { describe, expect, it } from 'vitest';
import { recognizeVideoLink } from './video-links';

describe('recognizeVideoLink', () => {
  it('knows YouTube in its usual shapes and plays it from the no-cookie domain', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://m.youtube.com/shorts/dQw4w9WgXcQ'
    ])
      expect(recognizeVideoLink(url)).toEqual({
        provider: 'youtube',
        embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
      });
  });

  it('knows RuTube and VK Video pages', () => {
    expect(recognizeVideoLink('https://rutube.ru/video/0123456789abcdef0123456789abcdef/')).toEqual(
      {
        provider: 'rutube',
        embedUrl: 'https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef'
      }
    );
    const vk = { provider: 'vk', embedUrl: 'https://vkvideo.ru/video_ext.php?oid=-123&id=456' };
    expect(recognizeVideoLink('https://vkvideo.ru/video-123_456')).toEqual(vk);
    expect(recognizeVideoLink('https://vk.com/video?z=video-123_456%2Fpl_cat_trends')).toEqual(vk);
  });

  it('answers null for other sites, pages that are not one video, and malformed text', () => {
    for (const url of [
      'https://vimeo.com/123456',
      'https://www.youtube.com/@museum',
      'https://rutube.ru/channel/123/',
      'javascript:alert(1)',
      'youtube.com/watch?v=dQw4w9WgXcQ',
      'не ссылка'
    ])
      expect(recognizeVideoLink(url)).toBeNull();
  });
});
