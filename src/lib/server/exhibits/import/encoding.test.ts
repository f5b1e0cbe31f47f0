import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, detectEncoding, isUtf8 } from './encoding';

const inventory =
  'Инв. №;Наименование;Датировка;Материал, техника\n' +
  'КП-101;Ковш-утица;конец XIX в.;дерево, резьба\n' +
  'КП-102;Шаманский бубен;начало XX в.;кожа, дерево\n';

describe('detectEncoding', () => {
  it('reads a Windows-1251 inventory as Windows-1251', () => {
    const bytes = iconv.encode(inventory, 'windows-1251');
    expect(detectEncoding(bytes)).toBe('windows-1251');
    expect(decodeText(bytes, 'windows-1251')).toBe(inventory);
  });

  it('reads a long Windows-1251 file as Windows-1251, not as a look-alike', () => {
    const bytes = iconv.encode(inventory.repeat(200), 'windows-1251');
    expect(detectEncoding(bytes)).toBe('windows-1251');
  });

  it('takes a short 1251 line that chardet cannot be sure of as 1251', () => {
    expect(detectEncoding(iconv.encode('Ковш', 'windows-1251'))).toBe('windows-1251');
  });

  it('reads UTF-8, with or without the BOM Excel writes', () => {
    const plain = Buffer.from(inventory, 'utf8');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(detectEncoding(plain)).toBe('utf-8');
    expect(detectEncoding(withBom)).toBe('utf-8');
    expect(decodeText(withBom, 'utf-8')).toBe(inventory);
  });

  it('keeps UTF-8 when the sample ends in the middle of a letter', () => {
    const bytes = Buffer.from('Ковш', 'utf8');
    expect(isUtf8(bytes.subarray(0, bytes.length - 1))).toBe(true);
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
  });

  it('takes plain ASCII as UTF-8', () => {
    expect(detectEncoding(Buffer.from('inv,title\nA-1,Jug\n'))).toBe('utf-8');
  });

  it('recognises a long KOI8-R file', () => {
    // KOI8-R has no «№».
    const text = inventory.replaceAll('№', 'N').repeat(200);
    const bytes = iconv.encode(text, 'koi8-r');
    expect(detectEncoding(bytes)).toBe('koi8-r');
    expect(decodeText(bytes, 'koi8-r')).toBe(text);
  });
});
