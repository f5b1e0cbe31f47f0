import { describe, expect, it } from 'vitest';
import { analyze, maxQueryTerms, normalize, queryTerms, termOf } from './analyzer';
import { snippet } from './snippet';

const term = (word: string) => termOf(normalize(word));
const meet = (words: string[]) => new Set(words.map(term)).size === 1;

describe('analyzer', () => {
  it('brings every form of "музей" to one term', () => {
    expect(
      meet([
        'музей',
        'музея',
        'музею',
        'музеем',
        'музее',
        'музеи',
        'музеев',
        'музеям',
        'музеями',
        'музеях'
      ])
    ).toBe(true);
  });

  it('keeps "музыка" apart from "музей"', () => {
    expect(term('музыка')).not.toBe(term('музей'));
    expect(term('музыкой')).not.toBe(term('музеями'));
    expect(analyze('Музыкальный вечер').split(' ')).not.toContain(term('музей'));
  });

  it.each([
    [['край', 'края', 'краю', 'краями', 'краев']],
    [['история', 'истории', 'историей', 'историями']],
    [['здание', 'зданий', 'зданиями']],
    [['семья', 'семьи', 'семей', 'семьями']],
    [['ружьё', 'ружья', 'ружей']],
    [['нанайский', 'нанайского', 'нанайские']],
    [['museum', 'museums']],
    [['photograph', 'photographs']],
    [['tool', 'tools']]
  ])('brings %j to one term', (words) => {
    expect(meet(words)).toBe(true);
  });

  it.each([
    [['станок', 'станка', 'станками', 'станков']],
    [['рынок', 'рынка', 'рынке', 'рынки']],
    [['отец', 'отца', 'отцом', 'отцы']],
    [['лодка', 'лодки', 'лодок', 'лодками']],
    [['котёл', 'котла', 'котлы']],
    [['ковёр', 'ковра', 'коврами']],
    [['купец', 'купца', 'купцов']],
    [['узел', 'узла', 'узлы']],
    [['ветер', 'ветра', 'ветром']],
    [['камень', 'камня', 'камнем']],
    [['ремень', 'ремня', 'ремни']],
    [['палец', 'пальца', 'пальцы']],
    [['звонок', 'звонка', 'звонков']],
    [['поток', 'потока', 'потоки']]
  ])('brings %j to one term across a fleeting vowel', (words) => {
    expect(meet(words)).toBe(true);
  });

  it.each([
    ['посол', 'после'],
    ['город', 'гордый'],
    ['молот', 'молоток'],
    ['станок', 'стан'],
    ['отец', 'отчет'],
    ['конец', 'конь'],
    ['рынок', 'рыба'],
    ['срок', 'сор'],
    ['член', 'чл']
  ])('keeps %s and %s apart', (a, b) => {
    expect(term(a)).not.toBe(term(b));
  });

  it('drops a fleeting vowel only where a vowel is left before it', () => {
    expect(term('срок')).toBe('срок');
    expect(term('член')).toBe('член');
    expect(term('станок')).toBe('станк');
  });

  it('reads ё as е', () => {
    expect(analyze('Ёлка, ружьё')).toBe(analyze('елка, ружье'));
  });

  it('ignores case and punctuation', () => {
    expect(analyze('«Музей» — МУЗЕЯ!!! (музеями?)')).toBe('муз муз муз');
  });

  it('keeps numbers and splits inventory numbers at their punctuation', () => {
    expect(analyze('КП-1234/5')).toBe('кп 1234 5');
    expect(queryTerms('КП 1234/5')).toEqual(['кп', '1234', '5']);
    expect(analyze('1904 год')).toBe('1904 год');
  });

  it('stems each word by its own script in mixed text', () => {
    expect(analyze('Музеи museums Хабаровска')).toBe('муз museum хабаровск');
  });

  it('reads Latin look-alike letters inside a Russian word as Cyrillic', () => {
    expect(term('мyзeй')).toBe(term('музей'));
  });

  it('leaves other scripts whole', () => {
    expect(analyze('满洲 documents')).toBe('满洲 document');
  });

  it('drops words that would match everything', () => {
    expect(queryTerms('история и культура of the museum')).toEqual([
      term('история'),
      term('культура'),
      'museum'
    ]);
    expect(queryTerms('и в на')).toEqual([]);
  });

  it('answers an empty query and a query of only punctuation with no terms', () => {
    expect(queryTerms('')).toEqual([]);
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('?!…—«»"\'%*()[]{}<>/\\')).toEqual([]);
  });

  it('reads a query of 10,000 characters as a few terms, quickly', () => {
    const long = 'музей '.repeat(1000) + 'х'.repeat(4000);
    const started = performance.now();
    expect(queryTerms(long)).toEqual(['муз']);
    expect(queryTerms('a'.repeat(10_000))[0]?.length).toBeLessThanOrEqual(48);
    const many = Array.from({ length: 2000 }, (_, i) => `слово${i}`).join(' ');
    expect(queryTerms(many).length).toBe(maxQueryTerms);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('removes duplicate query terms', () => {
    expect(queryTerms('музей музеи музеями')).toEqual(['муз']);
  });
});

describe('snippet', () => {
  const terms = new Set(queryTerms('музей'));

  it('marks inflected forms of the query word', () => {
    expect(snippet('Здание музея и музеями', terms)).toBe(
      'Здание <mark>музея</mark> и <mark>музеями</mark>'
    );
  });

  it('escapes the text and adds no tags of its own but <mark>', () => {
    expect(snippet('<script>alert("музей")</script> & музей', terms)).toBe(
      '&lt;script&gt;alert(&quot;<mark>музей</mark>&quot;)&lt;/script&gt; &amp; <mark>музей</mark>'
    );
  });

  it('shows the text around a match far into it, cut at words', () => {
    const text = `${'Длинное начало без совпадений. '.repeat(20)}Здесь музей стоит. ${'Хвост. '.repeat(40)}`;
    const html = snippet(text, terms, 120);
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>музей</mark>');
    expect(html.length).toBeLessThan(160);
  });

  it('gives the beginning when nothing matches', () => {
    expect(snippet('Короткий текст', terms)).toBe('Короткий текст');
    expect(snippet('', terms)).toBe('');
  });
});
