import sanitizeHtml from 'sanitize-html';

/**
 * The only HTML a rich-text field may keep: structure and emphasis, links and lists. Scripts,
 * styles, event handlers and the clutter Word and Google Docs paste in are dropped on save.
 */
const policy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'a',
    'ul',
    'ol',
    'li',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'figure',
    'figcaption'
  ],
  allowedAttributes: { a: ['href', 'title', 'hreflang', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  transformTags: {
    b: 'strong',
    i: 'em',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener' })
  },
  exclusiveFilter: (frame) => frame.tag === 'p' && !frame.text.trim() && !frame.mediaChildren.length
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, policy).trim();
}

/** Both languages of a rich-text field, cleaned; an absent field stays absent. */
export function sanitizeRichPair<T extends { ru: string; en: string } | null | undefined>(
  value: T
): T {
  return value
    ? { ...value, ru: sanitizeRichText(value.ru), en: sanitizeRichText(value.en) }
    : value;
}

const escapes: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };

/**
 * Text shown as text: any tag typed into a label or title is dropped, never rendered. What is
 * left is stored as the characters it is ("Sabre & scabbard", not "Sabre &amp; scabbard"): pages
 * escape text as they write it, and feeds, manifests and the API escape it for their formats.
 */
export function plainText(value: string): string {
  return sanitizeHtml(value, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => escapes[name] ?? '')
    .trim();
}

/** Rich text as the words in it, for the search index. */
export function wordsOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
