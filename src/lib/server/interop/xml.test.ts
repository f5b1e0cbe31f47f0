import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { el, escapeXml, renderXml } from './xml';

describe('escapeXml', () => {
  it('escapes markup characters in text and attributes', () => {
    expect(escapeXml(`<b>"Кот" & 'пёс'</b>`)).toBe(
      '&lt;b&gt;&quot;Кот&quot; &amp; &apos;пёс&apos;&lt;/b&gt;'
    );
  });

  it('drops characters XML 1.0 cannot carry, keeps tabs, new lines and astral letters', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('a\tb\nc\r😀')).toBe('a\tb\nc\r😀');
  });
});

describe('renderXml', () => {
  it('writes a document a parser reads back to the same text', () => {
    const tricky = 'Сабля «Златоуст» & ножны <1890>\u0007';
    const xml = renderXml(
      el(
        'root',
        { xmlns: 'urn:x', note: `"${tricky}"`, skipped: undefined },
        el('title', { 'xml:lang': 'ru' }, tricky),
        el('empty'),
        null,
        false,
        [el('item', {}, 'one'), el('item', {}, 'two')]
      )
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<root')).toBe(true);
    expect(xml).not.toContain('skipped');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(parsed.root['@note']).toBe('"Сабля «Златоуст» & ножны <1890>"');
    expect(parsed.root.title['#text']).toBe('Сабля «Златоуст» & ножны <1890>');
    expect(parsed.root.item).toEqual(['one', 'two']);
    expect(xml).toContain('<empty/>');
  });
});
