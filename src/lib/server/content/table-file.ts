import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Locale } from '$lib/shared/museum';

/** One cell of an exported table. */
export type TableCell = string | number | null;

/**
 * A text cell that a spreadsheet would take for a formula (= + - @, or a tab or carriage
 * return before one) gets a leading apostrophe, so a title like "=HYPERLINK(…)" stays text.
 * The import takes the apostrophe off again.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const escaped = (row: TableCell[]) =>
  row.map((value) => (typeof value === 'string' ? escapeFormula(value) : value));

/**
 * CSV with a BOM, so Excel reads the Russian as UTF-8; ';' for Russian readers (their Excel
 * splits on it), ',' for English ones. Rows are written as they come, with backpressure.
 */
export function csvFile(
  header: string[],
  rows: AsyncIterable<TableCell[]>,
  locale: Locale
): Readable {
  const out = stringify({
    delimiter: locale === 'ru' ? ';' : ',',
    bom: true,
    record_delimiter: 'windows'
  });
  const line = (row: TableCell[]) => escaped(row).map((v) => (v === null ? '' : String(v)));
  void (async () => {
    try {
      if (!out.write(header)) await new Promise((r) => out.once('drain', r));
      for await (const row of rows)
        if (!out.write(line(row))) await new Promise((r) => out.once('drain', r));
      out.end();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return out;
}

/** An XLSX workbook of one sheet, streamed a row at a time. */
export function xlsxFile(
  header: string[],
  rows: AsyncIterable<TableCell[]>,
  sheetName: string
): Readable {
  return xlsxWorkbook([{ name: sheetName, header, rows }]);
}

/** An XLSX workbook of several sheets (a report's tables), each streamed a row at a time. */
export function xlsxWorkbook(
  sheets: { name: string; header: string[]; rows: AsyncIterable<TableCell[]> }[]
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  void (async () => {
    try {
      for (const { name, header, rows } of sheets) {
        const sheet = workbook.addWorksheet(name);
        sheet.addRow(header).commit();
        for await (const row of rows) sheet.addRow(escaped(row)).commit();
        sheet.commit();
      }
      await workbook.commit();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return out;
}

/** Rows already in memory, as the writers take them. */
export async function* rowsOf(rows: TableCell[][]): AsyncGenerator<TableCell[]> {
  yield* rows;
}
