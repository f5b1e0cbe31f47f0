import type { ExhibitCategory, ExhibitMaterial } from '$lib/shared/exhibit';

/** A header or a cell reduced to what matters for matching: lower case, ё as е, no punctuation. */
export function normalizeWord(value: string): string {
  return value
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Beginnings of the words inventories use for each category, in Russian and English: a word
 * matches when it starts with one ("фото", "фотография", "фотографии" → photographs).
 */
const categoryStems: Record<ExhibitCategory, string[]> = {
  archaeology: ['археолог', 'archaeolog', 'archeolog'],
  ethnography: ['этнограф', 'ethnograph'],
  documents: ['документ', 'рукопис', 'письм', 'архив', 'document', 'manuscript', 'letter'],
  photographs: ['фото', 'негатив', 'дагеротип', 'photo', 'negative'],
  books: ['книг', 'печатн', 'издани', 'газет', 'журнал', 'book', 'print', 'newspaper'],
  numismatics: ['нумизмат', 'монет', 'банкнот', 'бон', 'медал', 'numismat', 'coin', 'banknote'],
  weapons: ['оружи', 'вооружен', 'weapon', 'arms'],
  'fine-art': [
    'живопис',
    'графика',
    'скульпт',
    'изобразител',
    'картин',
    'рисун',
    'гравюр',
    'painting',
    'drawing',
    'graphic',
    'sculpt',
    'fine art'
  ],
  'decorative-art': ['декоратив', 'прикладн', 'дпи', 'decorative', 'applied art'],
  'natural-history': [
    'естествен',
    'природ',
    'палеонт',
    'минерал',
    'зоолог',
    'ботани',
    'гербари',
    'natural',
    'paleont',
    'mineral',
    'zoolog',
    'botan'
  ],
  technology: ['технолог', 'техник', 'прибор', 'механизм', 'technolog', 'instrument', 'machine'],
  household: ['быт', 'утвар', 'household', 'domestic'],
  other: ['прочее', 'друг', 'разн', 'other', 'misc']
};

const materialStems: Record<ExhibitMaterial, string[]> = {
  'birch-bark': ['берест', 'birch bark', 'birchbark'],
  wood: ['дерев', 'древес', 'wood'],
  metal: [
    'металл',
    'желез',
    'бронз',
    'медь',
    'медн',
    'латун',
    'серебр',
    'золот',
    'чугун',
    'стал',
    'олов',
    'metal',
    'iron',
    'bronze',
    'copper',
    'brass',
    'silver',
    'gold',
    'steel',
    'tin'
  ],
  paper: ['бумаг', 'бумаж', 'картон', 'paper', 'cardboard'],
  textile: [
    'ткан',
    'текстил',
    'хлоп',
    'шелк',
    'шерст',
    'сукн',
    'лен',
    'льнян',
    'textile',
    'fabric',
    'cotton',
    'silk',
    'wool',
    'linen'
  ],
  ceramics: ['керам', 'глин', 'фарфор', 'фаянс', 'терракот', 'ceramic', 'clay', 'porcelain'],
  glass: ['стекл', 'стеклян', 'хрустал', 'glass', 'crystal'],
  stone: ['камен', 'камн', 'мрамор', 'гранит', 'нефрит', 'кремен', 'stone', 'marble', 'granite'],
  bone: ['кост', 'рог', 'бивен', 'клык', 'bone', 'horn', 'ivory', 'tusk'],
  leather: ['кож', 'замш', 'leather', 'suede'],
  fur: ['мех', 'шкур', 'fur', 'pelt'],
  plastic: ['пластм', 'пластик', 'plastic'],
  mixed: ['смешан', 'mixed'],
  other: ['прочее', 'друг', 'other']
};

export type Matched<T> = { code: T; known: true } | { code: 'other'; known: false };

/**
 * The code a word of the inventory stands for: the whole value first ("смешанная техника"),
 * then each word in order ("дерево, резьба" → wood). Unknown words are 'other', and say so.
 */
function matchStems<T extends string>(entries: [T, string[]][], value: string): Matched<T> {
  const text = normalizeWord(value);
  const phrase = entries.find(([, stems]) =>
    stems.some((s) => s.includes(' ') && text.startsWith(s))
  );
  if (phrase) return { code: phrase[0], known: true };
  for (const word of text.split(' ')) {
    const found = entries.find(([, stems]) => stems.some((s) => word.startsWith(s)));
    if (found) return { code: found[0], known: true };
  }
  return { code: 'other', known: false };
}

const categoryEntries = Object.entries(categoryStems) as [ExhibitCategory, string[]][];
const materialEntries = Object.entries(materialStems) as [ExhibitMaterial, string[]][];

export function categoryOf(value: string): Matched<ExhibitCategory> {
  return matchStems(categoryEntries, value);
}

export function materialOf(value: string): Matched<ExhibitMaterial> {
  return matchStems(materialEntries, value);
}
