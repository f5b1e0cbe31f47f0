import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, detectDelimiter, readTable, sniffTable, tableHead } from './table';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-table-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function rowsOf(name: string, bytes: Uint8Array | string) {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  const source = { path: file, ...(await sniffTable(file)) };
  const rows = [];
  for await (const row of readTable(source)) rows.push(row);
  return { source, rows };
}

describe('readTable', () => {
  it('reads a semicolon CSV in Windows-1251 with quoted separators and line breaks', async () => {
    const text =
      'Инв. №;Наименование;Описание\r\nКП-1;"Ковш; резной";"Строка один\r\n\r\nСтрока два"\r\n';
    const { source, rows } = await rowsOf('a.csv', iconv.encode(text, 'windows-1251'));
    expect(source).toMatchObject({ format: 'csv', encoding: 'windows-1251' });
    expect(rows).toEqual([
      { line: 1, cells: ['Инв. №', 'Наименование', 'Описание'] },
      { line: 2, cells: ['КП-1', 'Ковш; резной', 'Строка один\r\n\r\nСтрока два'] }
    ]);
  });

  it('reads a comma CSV with the BOM Excel writes, skipping empty lines', async () => {
    const text = '\uFEFFinventory number,title\n\nA-1,"Jug, clay"\n,\nA-2,Cup\n';
    const { source, rows } = await rowsOf('b.csv', text);
    expect(source.encoding).toBe('utf-8');
    expect(rows.map((r) => r.cells)).toEqual([
      ['inventory number', 'title'],
      ['A-1', 'Jug, clay'],
      ['A-2', 'Cup']
    ]);
  });

  it('reads the first sheet of an XLSX made by Excel, cells of every kind as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Опись');
    sheet.addRow(['Инв. №', 'Наименование', 'Год', 'Поступление']);
    sheet.addRow([
      'КП-7',
      { richText: [{ text: 'Самовар ' }, { text: 'медный' }] },
      1890,
      new Date(Date.UTC(2001, 4, 3))
    ]);
    sheet.addRow([]);
    sheet.addRow(['КП-8', { formula: '"Чай"&"ник"', result: 'Чайник' }, null, null]);
    workbook.addWorksheet('Справочник').addRow(['не читается']);
    const file = path.join(dir, 'c.xlsx');
    await workbook.xlsx.writeFile(file);
    const source = { path: file, ...(await sniffTable(file)) };
    expect(source.format).toBe('xlsx');
    const rows = [];
    for await (const row of readTable(source)) rows.push(row);
    expect(rows).toEqual([
      { line: 1, cells: ['Инв. №', 'Наименование', 'Год', 'Поступление'] },
      { line: 2, cells: ['КП-7', 'Самовар медный', '1890', '2001-05-03'] },
      { line: 4, cells: ['КП-8', 'Чайник'] }
    ]);
    expect((await tableHead(source, 1)).headers).toEqual([
      'Инв. №',
      'Наименование',
      'Год',
      'Поступление'
    ]);
  });
});

describe('detectDelimiter', () => {
  it('picks the separator used most outside quotes', () => {
    expect(detectDelimiter('Инв. №;Наименование;"Материал, техника"')).toBe(';');
    expect(detectDelimiter('inv,title,"a;b"')).toBe(',');
    expect(detectDelimiter('inv\ttitle\tdating')).toBe('\t');
    expect(detectDelimiter('title')).toBe(',');
  });
});

describe('cellText', () => {
  it('turns a hyperlink and an empty cell into text', () => {
    expect(cellText({ text: 'kovsh.jpg', hyperlink: 'file:///kovsh.jpg' })).toBe('kovsh.jpg');
    expect(cellText(null)).toBe('');
  });
});
