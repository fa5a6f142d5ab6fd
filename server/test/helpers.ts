// Small assertions shared by the HTTP test files.
import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import ExcelJS from '../src/platform/excel.js';
import type { CellValue, Workbook, Worksheet } from 'exceljs'; // types only: the runtime comes from platform/excel
import type { Database } from '../src/platform/db/types.js';

export type Res = { statusCode: number; body: string; json: () => any; headers: Record<string, unknown>; rawPayload: Buffer };

export const CJK = /[\u4e00-\u9fff]/;

/** The response is an ErrorBody with this status and code, and a Chinese message; returns the body. */
export function expectError(r: Res, status: number, code: string): { code: string; message: string; requestId: string; details?: { field?: string; message: string }[] } {
  expect(r.statusCode, r.body).toBe(status);
  const b = r.json();
  expect(b.code, r.body).toBe(code);
  expect(b.message, r.body).toMatch(CJK);
  expect(typeof b.requestId).toBe('string');
  return b;
}

export function expectOk(r: Res): any {
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The text of an exceljs cell value (rich text joined), as a person reads it. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export async function readWorkbook(buf: Buffer): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** The rows of a sheet as arrays of cell texts (1-based columns dropped to 0-based). */
export function sheetRows(ws: Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const vals = row.values as CellValue[];
    out.push(vals.slice(1).map((v) => cellText(v)));
  });
  return out;
}
