import { wordsOf } from './analyzer';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/**
 * A piece of `text` around its first word that matches one of `terms`, as HTML: the text
 * escaped, matched words in `<mark>`, "…" where cut. Without a match, the text's beginning.
 * Matching goes through the analyzer, so "музеями" is marked for the query "музей".
 */
export function snippet(text: string, terms: ReadonlySet<string>, length = 180): string {
  const words = [...wordsOf(text)];
  const first = words.find((w) => terms.has(w.term));
  let start = 0;
  if (first && first.end > length) {
    // Start a little before the match, at a word's beginning.
    const from = first.start - Math.floor(length / 4);
    start = words.find((w) => w.start >= from)?.start ?? first.start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const cut = words.findLast((w) => w.end <= end && w.start > start);
    if (cut) end = cut.end;
  }
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const w of words) {
    if (w.start < start || w.end > end || !terms.has(w.term)) continue;
    html += `${escapeHtml(text.slice(at, w.start))}<mark>${escapeHtml(text.slice(w.start, w.end))}</mark>`;
    at = w.end;
  }
  html += escapeHtml(text.slice(at, end));
  return end < text.length ? `${html}…` : html;
}
