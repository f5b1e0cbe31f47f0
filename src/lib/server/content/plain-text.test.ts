import { describe, expect, it } from 'vitest';
import { plainText } from './rich-text';

describe('plainText', () => {
  it('keeps the characters people typed, not HTML escapes of them', () => {
    expect(plainText('Sabre & scabbard')).toBe('Sabre & scabbard');
    expect(plainText('«Ёлка» — 5 > 3 "цитата"')).toBe('«Ёлка» — 5 > 3 "цитата"');
  });

  it('drops tags and their scripts, leaving only text', () => {
    expect(plainText('<img src=x onerror=alert(1)><b>Станок</b>')).toBe('Станок');
    expect(plainText('<script>alert(1)</script>Молот')).toBe('Молот');
  });

  it('reads a typed entity as the character it names, once', () => {
    expect(plainText('&lt;b&gt; is a tag')).toBe('<b> is a tag');
    expect(plainText('&amp;lt;')).toBe('&lt;');
  });
});
