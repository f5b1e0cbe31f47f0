import { newStemmer } from 'snowball-stemmers';

/**
 * The one analyzer of the site's search, run in TypeScript for both databases: the index stores
 * its terms as plain words (FTS5 on SQLite, a 'simple' tsvector on PostgreSQL), and the query
 * goes through the same function, so both dialects match the same documents.
 *
 * Text is NFC-normalised, lower-cased, ё→е, split on everything that is not a letter or a digit
 * ("КП-1234/5" → кп 1234 5). Cyrillic words go through Snowball's Russian stemmer, Latin ones
 * through the English (Porter 2). Snowball cuts "музей" to "муз" but "музея" and "музеями" to
 * "музе": the stem then loses its trailing vowels, й and ь while it is longer than three letters,
 * so every form of "музей" meets at "муз" while "музыка" stays "музык" (no prefix match, so
 * the two never meet). A fleeting vowel — о or е that drops out of the other forms ("станок" /
 * "станка", "отец" / "отца", "лодка" / "лодок") — is dropped from the stem too, for the endings
 * where Russian has it: -ок, -ек, -ец, -ен, -ел, -ер after a consonant. Applied to every stem, so
 * a word that keeps its vowel ("поток" / "потока") still meets itself; -ол, -ор, -од are left
 * alone, where dropping would make unrelated words meet ("посол" / "после", "город" / "гордый").
 */

const russian = newStemmer('russian');
const english = newStemmer('english');

/** Words that would match nearly everything; a query of only these finds nothing. */
const stopWords = new Set([
  // Russian (after ё→е)
  'и',
  'в',
  'во',
  'на',
  'с',
  'со',
  'к',
  'ко',
  'по',
  'о',
  'об',
  'от',
  'из',
  'у',
  'за',
  'для',
  'до',
  'не',
  'ни',
  'а',
  'но',
  'же',
  'ли',
  'бы',
  'то',
  'что',
  'как',
  'или',
  'это',
  'при',
  // English
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'from',
  'is',
  'are',
  'was',
  'be',
  'it',
  'its',
  'as'
]);

/** Terms longer than this are cut: nobody searches for them, and indexes have limits. */
const maxTermLength = 48;
/** A query's words beyond this are ignored: a pasted page is not a search. */
export const maxQueryTerms = 12;
/** A query is read up to this many characters. */
export const maxQueryLength = 500;

const word = /[\p{L}\p{N}]+/gu;
const cyrillic = /\p{Script=Cyrillic}/u;
const latin = /\p{Script=Latin}/u;
const trailingVowels = /[аеиоуыэюяйь]+$/;

/** Latin letters that look Cyrillic, typed by mistake inside a Russian word ("мyзей"). */
const homoglyphs: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в'
};

/** Lower case, NFC, ё→е: how every piece of text is compared. */
export function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase().replaceAll('ё', 'е');
}

// Words repeat (a catalogue's vocabulary is small): stemming each once saves most of the work
// of indexing. Emptied when full, which is simpler than an LRU and as good for this use.
const termCache = new Map<string, string>();
const termCacheSize = 50_000;

/** One word (already normalised) to its index term. */
export function termOf(token: string): string {
  const cached = termCache.get(token);
  if (cached !== undefined) return cached;
  const term = stem(token);
  if (termCache.size >= termCacheSize) termCache.clear();
  termCache.set(token, term);
  return term;
}

function stem(token: string): string {
  let t = token;
  if (cyrillic.test(t)) {
    if (latin.test(t)) t = t.replace(/[a-z]/g, (c) => homoglyphs[c] ?? c);
    if (!latin.test(t)) t = shortenRussianStem(russian.stem(t));
  } else if (latin.test(t) && !/\d/.test(t)) {
    t = english.stem(t);
  }
  return t.slice(0, maxTermLength);
}

function shortenRussianStem(stem: string): string {
  if (stem.length <= 3) return stem;
  const cut = stem.replace(trailingVowels, '');
  return dropFleetingVowel(cut.length >= 3 ? cut : stem.slice(0, 3));
}

const vowels = 'аеиоуыэюя';
/** A stem ending in consonant + о/е + one of these consonants may have lost a fleeting vowel. */
const fleeting = /^(.*[^аеиоуыэюяйь])([ое])([кцнлр])$/;
const fleetingEndings = new Set(['ок', 'ек', 'ец', 'ен', 'ел', 'ер']);

/**
 * "станок" → "станк" (as "станка"), "отец" → "отц", "палец" → "пальц" (as "пальца"). Only when
 * what is left still has a vowel ("срок" stays) and is three letters or more.
 */
function dropFleetingVowel(stem: string): string {
  if (stem.length < 4) return stem;
  const match = fleeting.exec(stem);
  if (!match) return stem;
  const [, head = '', vowel = '', last = ''] = match;
  if (!fleetingEndings.has(vowel + last)) return stem;
  if (![...head].some((c) => vowels.includes(c))) return stem;
  // "палец" / "пальца", "колец" / "кольцо": л softens before ц.
  return head.endsWith('л') && last === 'ц' ? `${head}ь${last}` : head + last;
}

/** The words of a text with their places, for highlighting. */
export function* wordsOf(text: string): Generator<{ start: number; end: number; term: string }> {
  // Normalising keeps lengths (ё→е, lower case of Cyrillic and Latin), so offsets still fit;
  // the few letters whose lower case is longer are found again by the same match.
  const lower = normalize(text);
  const sameLength = lower.length === text.length;
  for (const match of (sameLength ? lower : text).matchAll(word)) {
    const token = sameLength ? match[0] : normalize(match[0]);
    if (stopWords.has(token)) continue;
    yield { start: match.index, end: match.index + match[0].length, term: termOf(token) };
  }
}

/** A text as the index stores it: its terms in order, separated by spaces. */
export function analyze(text: string): string {
  const terms: string[] = [];
  for (const w of wordsOf(text)) terms.push(w.term);
  return terms.join(' ');
}

/** A visitor's query as distinct terms, all of which a document must contain. */
export function queryTerms(q: string): string[] {
  const terms = new Set<string>();
  // Cut at a space, so the last word read is a whole one.
  const read = q.length > maxQueryLength ? wholeWords(q.slice(0, maxQueryLength)) : q;
  for (const w of wordsOf(read)) {
    terms.add(w.term);
    if (terms.size === maxQueryTerms) break;
  }
  return [...terms];
}

function wholeWords(text: string): string {
  const lastSpace = text.search(/\s\S*$/);
  return lastSpace > 0 ? text.slice(0, lastSpace) : text;
}
