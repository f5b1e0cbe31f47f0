import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.html`, import.meta.url), 'utf8');

describe('cleanPastedHtml', () => {
  it('keeps the headings, emphasis, lists and links of a Word document and nothing of Word', () => {
    expect(cleanPastedHtml(fixture('word'))).toBe(
      '<h2>История музея</h2>' +
        '<p>Музей основан в <strong>1894 году</strong> по инициативе <em>Приамурского отдела</em> ' +
        'Русского географического общества.</p>' +
        '<ul><li>археология</li><li>этнография</li><li>природа края</li></ul>' +
        '<p>Залы открыты:</p>' +
        '<ol><li>основное здание;</li><li>выставочный зал.</li></ol>' +
        '<p>Подробнее: <a href="https://hkm.ru/">сайт музея</a>.</p>'
    );
  });

  it('turns Google Docs styled spans into bold and italic and drops its invisible wrapper', () => {
    expect(cleanPastedHtml(fixture('google-docs'))).toBe(
      '<h2>Цели ассоциации</h2>' +
        '<p>Ассоциация объединяет <strong>музеи Хабаровского края</strong> и <em>поддерживает</em> ' +
        'малые музеи.</p>' +
        '<ul><li><p>обмен выставками;</p></li><li><p>обучение сотрудников.</p></li></ul>' +
        '<p>Устав: <a href="https://museums-khv.ru/charter">museums-khv.ru/charter</a></p>' +
        '<p><strong><em>Вход свободный.</em></strong></p>'
    );
  });

  it('leaves no trace of Office markup, styles, classes or ids', () => {
    for (const name of ['word', 'google-docs']) {
      const clean = cleanPastedHtml(fixture(name));
      expect(clean).not.toMatch(/mso-|<o:p|<\/o:p|style=|class=|id=|docs-internal-guid|<span|<!--/);
      expect(clean).not.toMatch(/<p>(\s|&nbsp;)*<\/p>/);
    }
  });

  it('drops scripts, event handlers and links that are not web, mail or phone addresses', () => {
    expect(
      cleanPastedHtml(
        '<p onclick="steal()">Текст<script>alert(1)</script><img src=x onerror="alert(1)">' +
          '<a href="javascript:alert(1)">ссылка</a></p><iframe src="https://evil.example"><p>x</p></iframe>'
      )
    ).toBe('<p>Текстссылка</p>');
  });

  it('escapes a stray angle bracket in text instead of reading it as a tag', () => {
    expect(cleanPastedHtml('<p>3 < 5 > 4</p>')).toBe('<p>3 &lt; 5 &gt; 4</p>');
  });

  it('keeps plain, already clean HTML as it is', () => {
    const html = '<p>Один <strong>два</strong></p><blockquote><p>три</p></blockquote>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
