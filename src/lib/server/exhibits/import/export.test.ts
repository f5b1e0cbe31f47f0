import { describe, expect, it } from 'vitest';
import { escapeFormula } from './export';
import { readRow } from './rows';

describe('escapeFormula', () => {
  it('keeps a cell that begins like a formula as text', () => {
    expect(escapeFormula('=HYPERLINK("http://evil","click")')).toBe(
      '\'=HYPERLINK("http://evil","click")'
    );
    expect(escapeFormula('+7 (4212) 31-63-74')).toBe("'+7 (4212) 31-63-74");
    expect(escapeFormula('-500')).toBe("'-500");
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormula('\t=1+1')).toBe("'\t=1+1");
    expect(escapeFormula('\r=1+1')).toBe("'\r=1+1");
  });

  it('leaves ordinary text alone', () => {
    expect(escapeFormula('Ковш-утица')).toBe('Ковш-утица');
    expect(escapeFormula('КП-1 = копия')).toBe('КП-1 = копия');
    expect(escapeFormula('')).toBe('');
  });

  it('is undone by the import', () => {
    const cells = ['=1+1', '-500'].map(escapeFormula);
    const row = readRow({ line: 2, cells: ['КП-1', ...cells] }, [
      'inventoryNumber',
      'title.ru',
      'years'
    ]);
    expect(row.texts.title?.ru).toBe('=1+1');
    expect(row.yearFrom).toBe(-500);
  });
});
