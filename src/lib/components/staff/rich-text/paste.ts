/**
 * Clipboard HTML from Word and Google Docs, cleaned before the editor reads it: their styles,
 * classes, Office namespaces (<o:p>), conditional comments, Google's invisible bold wrapper and
 * empty paragraphs go; what the text means stays — paragraphs, headings, lists, links, and bold
 * or italic even where Google Docs writes them as styled spans. The editor's schema and the
 * server's sanitiser narrow it further; this step keeps their input small and predictable.
 *
 * Pure string work (no DOM), so it runs the same in the browser and in unit tests.
 */
export function cleanPastedHtml(html: string): string {
  let text = fragmentOf(html);
  // Word writes list bullets and numbers as text inside <![if !supportLists]>…<![endif]>: keep
  // only whether the list was numbered, as a marker the tag pass turns into a list item.
  text = text.replace(/<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi, (_, marker: string) =>
    /^\s*(?:\d+|[ivxlc]+|[a-zа-я])[.)]/i.test(stripTags(marker).replace(/&nbsp;/g, ' '))
      ? LIST_ORDERED
      : LIST_BULLET
  );
  text = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[(?:if|endif)[^\]]*\]>/gi, '')
    .replace(/<(head|style|script|xml|title|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(?:meta|link|base)\b[^>]*>/gi, '');
  return tidy(rewriteTags(text));
}

const LIST_ORDERED = '\uE000ol\uE000';
const LIST_BULLET = '\uE000ul\uE000';

/** Browsers wrap the copied part in <!--StartFragment-->…<!--EndFragment--> inside a whole page. */
function fragmentOf(html: string): string {
  const start = html.indexOf('<!--StartFragment-->');
  const end = html.indexOf('<!--EndFragment-->');
  if (start >= 0 && end > start) return html.slice(start + '<!--StartFragment-->'.length, end);
  return html;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

/** Tags whose element stays, without any attribute but a link's address. */
const kept = new Set([
  'p',
  'br',
  'strong',
  'em',
  'u',
  's',
  'a',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'blockquote'
]);
const renamed: Record<string, string> = {
  b: 'strong',
  i: 'em',
  strike: 's',
  del: 's',
  h1: 'h2',
  h4: 'h3',
  h5: 'h3',
  h6: 'h3',
  td: 'p',
  th: 'p',
  dt: 'p',
  dd: 'p',
  pre: 'p'
};
/** Elements dropped with everything inside them. */
const voids = new Set(['img', 'input', 'hr', 'wbr', 'col', 'area', 'source', 'embed', 'param']);
const dropped = new Set([
  'svg',
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
  'select',
  'button'
]);

const tagPattern = /<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

function rewriteTags(html: string): string {
  let out = '';
  let last = 0;
  /** For each open element, what its end tag becomes ('' to drop it). */
  const open: { tag: string; close: string }[] = [];
  let skipping: { tag: string; depth: number } | null = null;

  for (const match of html.matchAll(tagPattern)) {
    const [whole, slash, rawName = '', rawAttributes = ''] = match;
    const between = html.slice(last, match.index);
    last = match.index + whole.length;
    const name = rawName.toLowerCase();
    if (skipping) {
      if (name === skipping.tag) skipping.depth += slash ? -1 : 1;
      if (skipping.depth === 0) skipping = null;
      continue;
    }
    out += text(between);

    if (slash) {
      // Close up to the matching element; stray end tags vanish.
      const at = open.findLastIndex((o) => o.tag === name);
      if (at < 0) continue;
      for (const o of open.splice(at).reverse()) out += o.close;
      continue;
    }
    const selfClosing = /\/\s*$/.test(rawAttributes) || voids.has(name) || name === 'br';
    if (dropped.has(name)) {
      if (!selfClosing) skipping = { tag: name, depth: 1 };
      continue;
    }
    if (voids.has(name)) continue;
    if (name === 'br') {
      out += '<br>';
      continue;
    }
    const attributes = parseAttributes(rawAttributes);
    const style = parseStyle(attributes.style ?? '');
    if (name === 'p' && style['mso-list']) {
      // A Word list paragraph: a list item, grouped into a list after this pass.
      out += '<li\uE001>';
      open.push({ tag: name, close: '</li>' });
      continue;
    }
    const [opening, closing] = translate(name, attributes, style);
    out += opening;
    if (!selfClosing) open.push({ tag: name, close: closing });
  }
  if (!skipping) out += text(html.slice(last));
  for (const o of open.reverse()) out += o.close;
  return groupWordLists(out);
}

/** Text between tags: a stray "<" or ">" is escaped, entities stay as they are. */
function text(between: string): string {
  return between.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function translate(
  name: string,
  attributes: Record<string, string>,
  style: Record<string, string>
): [string, string] {
  // Google Docs wraps the whole copy in <b style="font-weight:normal" id="docs-internal-guid-…">.
  if (
    name === 'b' &&
    ((attributes.id ?? '').startsWith('docs-internal-guid') ||
      /^(normal|[1-4]00)$/.test(style['font-weight'] ?? ''))
  ) {
    return ['', ''];
  }
  if (name === 'a') {
    const href = linkTarget(attributes.href ?? '');
    if (!/^(https?:|mailto:|tel:)/i.test(href)) return ['', ''];
    return [`<a href="${href.replace(/"/g, '&quot;')}">`, '</a>'];
  }
  const tag = renamed[name] ?? name;
  if (kept.has(tag)) return [`<${tag}>`, `</${tag}>`];
  // Anything else (span, font, div, Office's o:p and w:…) gives way to its content, keeping the
  // emphasis its style meant.
  let opening = '';
  let closing = '';
  if (/^(bold(er)?|[6-9]00)$/.test(style['font-weight'] ?? '')) {
    opening += '<strong>';
    closing = '</strong>' + closing;
  }
  if (/^(italic|oblique)$/.test(style['font-style'] ?? '')) {
    opening += '<em>';
    closing = '</em>' + closing;
  }
  return [opening, closing];
}

/** Google Docs sends links through its redirector; the reader should get the real address. */
function linkTarget(href: string): string {
  const address = href.trim().replace(/&amp;/g, '&');
  const redirect = /^https:\/\/www\.google\.com\/url\?(.*)$/.exec(address);
  const target = redirect ? new URLSearchParams(redirect[1]).get('q') : null;
  return (target ?? address).replace(/&/g, '&amp;');
}

function parseAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of raw.matchAll(/([^\s=/]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attributes[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attributes;
}

function parseStyle(style: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const declaration of style.replace(/&quot;/g, '"').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    properties[declaration.slice(0, colon).trim().toLowerCase()] = declaration
      .slice(colon + 1)
      .trim()
      .toLowerCase();
  }
  return properties;
}

/** Runs of Word list paragraphs become one <ul> or <ol>, numbered when Word numbered them. */
function groupWordLists(html: string): string {
  return html.replace(/(?:\s*<li\uE001>[\s\S]*?<\/li>)+/g, (run) => {
    const kind = run.includes(LIST_ORDERED) ? 'ol' : 'ul';
    const items = run
      .trim()
      .replaceAll('<li\uE001>', '<li>')
      .replaceAll(LIST_ORDERED, '')
      .replaceAll(LIST_BULLET, '');
    return `<${kind}>${items}</${kind}>`;
  });
}

const blank = String.raw`(?:\s|&nbsp;|&#160;|\u00a0|<br>)*`;

function tidy(html: string): string {
  let out = html.replaceAll(LIST_ORDERED, '').replaceAll(LIST_BULLET, '');
  // Emphasis around nothing, then paragraphs and headings with nothing in them.
  for (let i = 0; i < 3; i++) {
    out = out
      .replace(new RegExp(`<(strong|em|u|s)>(${blank})</\\1>`, 'g'), '$2')
      .replace(new RegExp(`<(p|h2|h3|li|blockquote)>${blank}</\\1>`, 'g'), '');
  }
  return (
    out
      // Line breaks inside Word's text are only source formatting.
      .replace(/\s*\n\s*/g, ' ')
      // Google Docs puts a <br> between paragraphs for an empty line.
      .replace(/(<\/(?:p|h2|h3|ul|ol|li|blockquote)>)\s*(?:<br>\s*)+/g, '$1')
      .replace(/(?:<br>\s*)+(<(?:p|h2|h3|ul|ol|blockquote)>)/g, '$1')
      // Space that only indents: around block tags, and Word's &nbsp; at the start of a line.
      .replace(/\s*(<\/?(?:p|h2|h3|ul|ol|li|blockquote)>)\s*/g, '$1')
      .replace(/(<(?:p|h2|h3|li)>)(?:&nbsp;|\u00a0)+/g, '$1')
      .trim()
  );
}
