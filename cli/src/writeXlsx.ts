/**
 * An .xlsx workbook of plain sheets (a header row, then rows of text and numbers) through write-excel-file, a kept
 * library with one dependency (fflate), bundled by esbuild and run on Node 20 with no native code. Nothing from a
 * report becomes a formula: every text cell is written as a string.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Cell, SheetData } from 'write-excel-file/node';
import type { CsvValue } from './formatCsv';

export interface Sheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
  /** Column widths in characters. */
  readonly widths?: readonly number[];
}

function cell(value: CsvValue): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? { value, type: Number } : null;
  if (value === null || value === undefined || value === '') return null;
  return { value, type: String };
}

export async function xlsxBytes(sheets: readonly Sheet[]): Promise<Buffer> {
  const written = writeXlsxFile(
    sheets.map((sheet) => {
      const data: SheetData = [
        sheet.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })),
        ...sheet.rows.map((row) => row.map(cell)),
      ];
      return {
        data,
        sheet: sheet.name,
        stickyRowsCount: 1,
        ...(sheet.widths ? { columns: sheet.widths.map((width) => ({ width })) } : {}),
      };
    }),
  );
  return written.toBuffer();
}
