import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { decodeText, decoderStream, detectEncoding, type TextEncoding } from './encoding';

/** The two kinds of file an inventory arrives in. */
export type TableFormat = 'csv' | 'xlsx';

/** A line of the table: its number as a spreadsheet shows it (the header is 1) and its cells. */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface TableSource {
  path: string;
  format: TableFormat;
  /** CSV only. */
  encoding: TextEncoding | null;
}

const sampleBytes = 64 * 1024;

/** What a file is, from its first bytes: an XLSX is a ZIP; anything else is read as CSV text. */
export async function sniffTable(path: string): Promise<Omit<TableSource, 'path'>> {
  const sample = await readSample(path);
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04)
    return { format: 'xlsx', encoding: null };
  return { format: 'csv', encoding: detectEncoding(sample) };
}

/** Every non-empty row of the table, the header first; a file is read as a stream. */
export async function* readTable(source: TableSource): AsyncGenerator<TableRow> {
  if (source.format === 'xlsx') yield* readXlsx(source.path);
  else yield* readCsv(source.path, source.encoding ?? 'utf-8');
}

/** The header row and the first few rows, for the mapping screen. */
export async function tableHead(source: TableSource, rows: number) {
  let headers: string[] | null = null;
  const sample: TableRow[] = [];
  for await (const row of readTable(source)) {
    if (!headers) headers = row.cells.map((c) => c.trim());
    else sample.push(row);
    if (sample.length >= rows) break;
  }
  return { headers: headers ?? [], sample };
}

async function readSample(path: string): Promise<Buffer> {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await file.read(buffer, 0, sampleBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The separator of a CSV file from its header line: Russian Excel writes ';', the rest of the
 * world ','; some programs a tab. The one seen most outside quotes wins.
 */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

async function* readCsv(path: string, encoding: TextEncoding): AsyncGenerator<TableRow> {
  const head = decodeText(await readSample(path), encoding);
  const delimiter = detectDelimiter(head.split(/\r?\n/, 1)[0] ?? '');
  const parser = createReadStream(path)
    .pipe(decoderStream(encoding))
    .pipe(
      parse({
        delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        skip_records_with_empty_values: true
      })
    );
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line += 1;
    yield { line, cells: record };
  }
}

async function* readXlsx(path: string): AsyncGenerator<TableRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date from a number.
    styles: 'cache'
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) =>
        cellText(values[i + 1])
      );
      if (cells.some((c) => c.trim() !== '')) yield { line: row.number, cells };
    }
    // The first sheet is the inventory; others (notes, lists) are not read.
    return;
  }
}

/** A cell as text, whatever Excel stored: rich text, a formula's result, a link, a date. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((part: { text?: string }) => part.text ?? '').join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
  }
  return '';
}
