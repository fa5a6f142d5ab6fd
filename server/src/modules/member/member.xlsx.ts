// Streaming Excel I/O for members: the import template, reading uploaded rows, and the export.
// Everything streams (exceljs WorkbookReader/WorkbookWriter) so 200,000 rows never sit in memory.
import fsp from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import ExcelJS from '../../platform/excel.js';
import type { DataValidation as XlDataValidation, Row as XlRow, Worksheet as XlWorksheet } from 'exceljs'; // types only: erased, loads nothing
import { EDUCATIONS, GENDER_LABELS, MEMBER_CATEGORY_LABELS, MEMBER_STATUS_LABELS } from '../../../../contracts/enums.js';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, MEMBER_XLSX_COLUMNS, type MemberXlsxKey } from '../../../../contracts/limits.js';
import type { ImportProblem } from '../../../../contracts/schemas.js';
import type { ImportRowCells } from './member.import-row.js';
import { normalizeName, normalizeText } from './member.normalize.js';

export const MEMBER_SHEET_NAME = '党员信息';
export const INSTRUCTIONS_SHEET_NAME = '填写说明';
/** The template's example row; the reader skips any row whose name cell is this text. */
export const EXAMPLE_NAME = '示例：张三';

/** An upload that is not a readable .xlsx, or breaks a limit: the person's file, not our bug (HTTP 400). */
export class MemberXlsxError extends Error {
  override name = 'MemberXlsxError';
}

const TEMPLATE_VALIDATION_ROWS = 5001; // the drop-down lists cover rows 2..5001
const HEADER_SCAN_ROWS = 20; // a header further down than this is not a member sheet
const RED = 'FFFF0000';
const GREY = 'FF808080';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;

const WIDTHS: Record<MemberXlsxKey, number> = {
  name: 12, gender: 8, ethnicity: 10, birthDate: 13, idNumber: 22, phone: 16, education: 12,
  joinDate: 13, category: 12, probationStart: 13, probationEnd: 13, org: 32, post: 14,
};

// Every column is Text ('@'): Excel then keeps what people type. Otherwise an 18-digit ID becomes a
// float that loses its last digits, and '2015-07-01' becomes a locale-dependent date serial.
const TEXT = { numFmt: '@' } as const;

const columnLetter = (index: number): string => String.fromCharCode(65 + index); // A..M, and N (状态) in the export
const columnOf = (key: MemberXlsxKey): string => columnLetter(MEMBER_XLSX_COLUMNS.findIndex((c) => c.key === key));

// exceljs's typings omit the streaming worksheet's dataValidations, which it does support.
type WithValidations = { dataValidations: { add(range: string, rule: XlDataValidation): void } };

function listRule(values: readonly string[], title: string): XlDataValidation {
  return {
    type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`],
    showErrorMessage: true, errorStyle: 'stop', errorTitle: title, error: `请从下拉列表中选择：${values.join('、')}`,
  };
}

const EXAMPLE_ROW: Record<MemberXlsxKey, string> = {
  name: EXAMPLE_NAME, gender: '男', ethnicity: '汉族', birthDate: '1990-01-01', idNumber: '110105199001010010',
  phone: '13800000000', education: '大学本科', joinDate: '2015-07-01', category: '正式党员',
  probationStart: '2015-07-01', probationEnd: '2016-07-01', org: '某某局机关第一党支部', post: '',
};

const INSTRUCTIONS = [
  '党员信息导入填写说明',
  '1. 请在“党员信息”工作表中填写，第一行是表头，请勿修改、删除或调换列名；列名前带红色 * 的为必填项。',
  `2. 第二行灰色斜体是示例（姓名为“${EXAMPLE_NAME}”），导入时会被自动跳过，可以保留，也可以删除。`,
  '3. 日期请按“2015-07-01”格式填写，也可写成 2015/7/1、2015.7.1、2015年7月1日 或 20150701；必须写到具体某日。',
  '4. 身份证号填写18位公民身份号码，末位 X 大小写均可；15位旧号码会自动升为18位。各列已设为文本格式，请勿改成数字格式，否则身份证号后几位会丢失。',
  '5. 性别填写“男”或“女”，须与身份证号一致。出生日期可以不填，不填时取身份证号中的出生日期；填写时须与身份证号一致。',
  '6. 党员类别填写“正式党员”或“预备党员”。预备党员须填写预备期开始日期；预备期结束日期不填时，按开始日期满一年计算。',
  '7. 入党日期不能晚于今天，且入党时须年满18周岁。',
  `8. 学历从下拉列表中选择：${EDUCATIONS.join('、')}。`,
  '9. 手机号码填写11位手机号，也可填写带区号的固定电话，如 0579-82345678。',
  '10. 所在党组织填写党组织全称，须与系统中的名称一致。',
  `11. 每个文件最多 ${IMPORT_MAX_ROWS.toLocaleString('en-US')} 行、不超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，文件须为 .xlsx 格式（旧版 .xls 请先另存为 .xlsx）。`,
  '12. 上传后系统会逐行检查并列出全部问题，请按提示修改后重新上传。',
];

/** The import template: header, one example row, drop-down lists and a sheet of instructions. */
export async function writeImportTemplate(out: Writable): Promise<void> {
  // Shared strings are fine here (a handful of cells) and keep the rich-text header readable everywhere.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(MEMBER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = MEMBER_XLSX_COLUMNS.map((c) => ({ key: c.key, width: WIDTHS[c.key], style: TEXT }));

  const header = ws.addRow(MEMBER_XLSX_COLUMNS.map((c) =>
    c.required
      ? { richText: [{ text: '*', font: { bold: true, color: { argb: RED } } }, { text: c.header, font: { bold: true } }] }
      : c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.numFmt = '@';
  });
  header.commit();

  const example = ws.addRow(MEMBER_XLSX_COLUMNS.map((c) => EXAMPLE_ROW[c.key] || null));
  example.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { italic: true, color: { argb: GREY } };
    cell.numFmt = '@';
  });
  example.commit();

  const validations = (ws as unknown as WithValidations).dataValidations;
  const range = (key: MemberXlsxKey) => `${columnOf(key)}2:${columnOf(key)}${TEMPLATE_VALIDATION_ROWS}`;
  validations.add(range('gender'), listRule(Object.values(GENDER_LABELS), '性别'));
  validations.add(range('category'), listRule(Object.values(MEMBER_CATEGORY_LABELS), '党员类别'));
  validations.add(range('education'), listRule(EDUCATIONS, '学历'));
  ws.commit();

  const info = wb.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  info.columns = [{ key: 'text', width: 110 }];
  INSTRUCTIONS.forEach((line, i) => {
    const row = info.addRow([line]);
    row.getCell(1).font = i === 0 ? { bold: true, size: 14 } : { size: 11 };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  });
  info.commit();
  await wb.commit();
}

// ---------------------------------------------------------------------------------------------
// Reading

export type ReadEvent =
  | { type: 'headerProblems'; problems: ImportProblem[] }
  | { type: 'row'; row: number; cells: ImportRowCells };

// Headers people use in their own spreadsheets for the same columns.
const HEADER_ALIASES: Record<string, MemberXlsxKey> = {
  身份证: 'idNumber', 身份证号码: 'idNumber', 公民身份号码: 'idNumber', 公民身份证号码: 'idNumber',
  手机: 'phone', 手机号: 'phone', 联系电话: 'phone', 电话: 'phone', 联系方式: 'phone',
  出生年月: 'birthDate', 出生年月日: 'birthDate', 入党时间: 'joinDate', 入党年月: 'joinDate',
  类别: 'category', 人员类别: 'category', 党员身份: 'category', 文化程度: 'education',
  预备期开始日期: 'probationStart', 预备期结束日期: 'probationEnd',
  所在组织: 'org', 党组织: 'org', 所在党支部: 'org', 所属党组织: 'org', 党组织名称: 'org',
};
const HEADER_KEYS = new Map<string, MemberXlsxKey>(MEMBER_XLSX_COLUMNS.map((c) => [c.header, c.key]));
const HEADER_TEXT = Object.fromEntries(MEMBER_XLSX_COLUMNS.map((c) => [c.key, c.header])) as Record<MemberXlsxKey, string>;

/** '＊姓名', ' 姓 名 ', '出生日期（格式：2015-07-01）' -> '姓名', '姓名', '出生日期'. */
function cleanHeader(v: unknown): string {
  return normalizeText(v).replace(/\s/g, '').replace(/\*/g, '').replace(/\([^)]*\)$/, '');
}

const NOT_XLSX = '文件不是有效的 Excel（.xlsx）文件，请使用导入模板填写后上传';
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const EOCD_MAGIC = Buffer.from('PK\x05\x06', 'latin1');

const EMPTY_FILE = '上传的文件是空的';

/** Why these first bytes cannot start an .xlsx (a zip file), or null when they can. */
function signatureError(head: Buffer): MemberXlsxError | null {
  if (head.length === 0) return new MemberXlsxError(EMPTY_FILE);
  const magic = head.subarray(0, 4);
  // An old .xls and a password-protected .xlsx are both OLE2 compound files.
  if (magic.equals(OLE_MAGIC)) return new MemberXlsxError('这是旧版 Excel（.xls）文件或已加密的文件，请在 Excel 中另存为不加密的 .xlsx 后上传');
  return magic.equals(ZIP_MAGIC) ? null : new MemberXlsxError(NOT_XLSX);
}

/** Passes the bytes through after checking the first four. */
async function* checkedBytes(input: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of input) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    if (head === null) {
      yield buf;
      continue;
    }
    head = Buffer.concat([head, buf]);
    if (head.length < 4) continue;
    const error = signatureError(head);
    if (error) throw error;
    yield head;
    head = null;
  }
  if (head !== null) throw signatureError(head) ?? new MemberXlsxError(NOT_XLSX);
}

/**
 * A cheap check of an uploaded file on disk before readMemberRows: the signature, and the zip's
 * end-of-central-directory record at the end, which a truncated upload lacks. Worth calling because
 * exceljs spools sheets to temp files that it deletes only when the whole zip reads without error;
 * after a failure they stay in os.tmpdir() until the process exits.
 */
export async function assertCompleteXlsxFile(filePath: string): Promise<void> {
  const file = await fsp.open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(size, 4));
    await file.read(head, 0, head.length, 0);
    const error = signatureError(head);
    if (error) throw error;
    // The record is 22 bytes plus a comment of up to 65,535 bytes, whose length it states.
    const tail = Buffer.alloc(Math.min(size, 22 + 65_535));
    await file.read(tail, 0, tail.length, size - tail.length);
    const at = tail.lastIndexOf(EOCD_MAGIC);
    const complete = at >= 0 && at + 22 <= tail.length && at + 22 + tail.readUInt16LE(at + 20) === tail.length;
    if (!complete) {
      throw new MemberXlsxError(`${NOT_XLSX}（文件不完整，可能上传中断）`);
    }
  } finally {
    await file.close();
  }
}

const asXlsxError = (e: unknown): MemberXlsxError => (e instanceof MemberXlsxError ? e : new MemberXlsxError(NOT_XLSX, { cause: e }));

/** Records the input's failure and tells whoever is waiting on exceljs at that moment. */
class Failure {
  error: unknown = undefined;
  private readonly waiting = new Set<(e: unknown) => void>();
  fail(e: unknown): void {
    this.error ??= e;
    for (const reject of this.waiting) reject(this.error);
  }
  /**
   * `p`, or a rejection as soon as the input fails. (Not Promise.race against one long-lived promise:
   * every race would leave a reaction on it, retaining every row read.)
   */
  watch<T>(p: Promise<T>): Promise<T> {
    if (this.error !== undefined) return Promise.reject(this.error);
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      p.then(resolve, reject).finally(() => this.waiting.delete(reject));
    });
  }
}

/**
 * Iterates `it`, failing as soon as the input fails. exceljs pipes its input into the unzipper without
 * forwarding errors, so a broken input (bad bytes, aborted upload) would otherwise leave it waiting forever.
 */
async function* guard<T>(it: AsyncIterable<T>, failure: Failure): AsyncGenerator<T> {
  const iterator = it[Symbol.asyncIterator]();
  let broken = false;
  try {
    for (;;) {
      let r: IteratorResult<T>;
      try {
        r = await failure.watch(iterator.next());
      } catch (e) {
        broken = true;
        throw asXlsxError(e);
      }
      if (r.done) return;
      yield r.value;
    }
  } finally {
    // Stopping early closes exceljs's sheet parser, which closes its temp file stream. After a failure
    // a next() may still be pending, and return() would wait for it forever.
    if (!broken) await iterator.return?.();
  }
}

type SheetReader = AsyncIterable<XlRow> & { name?: string };
type BookModel = { model?: { sheets?: { name?: string; state?: string }[] } };

/**
 * Yields the member rows of the first visible worksheet (tab order) of an .xlsx stream.
 * - The header row is the first row with both 姓名 and 身份证号 (rows above it, like a title, are ignored);
 *   headers match after trimming, full-width to half-width, dropping '*' marks and a trailing '(…)' hint,
 *   and a few common synonyms (身份证号码, 手机号, 入党时间 …). Unknown columns are ignored.
 * - Missing required columns or a duplicated column: one { type: 'headerProblems' } event, then the end.
 * - Then one { type: 'row' } per data row, with its Excel row number and the raw cell values by key;
 *   blank rows and the template's example row (name '示例：张三') are skipped.
 * - Throws MemberXlsxError (Chinese message) when the bytes are not an .xlsx, or at more than maxRows
 *   data rows (default IMPORT_MAX_ROWS).
 * The input is consumed to its end or destroyed; do not reuse it.
 */
export async function* readMemberRows(input: Readable, opts: { maxRows?: number } = {}): AsyncGenerator<ReadEvent> {
  const maxRows = opts.maxRows ?? IMPORT_MAX_ROWS;
  const source = Readable.from(checkedBytes(input), { objectMode: false });
  const failure = new Failure();
  // Our own signature errors pass as they are; anything else is the input itself failing (an aborted upload).
  source.once('error', (e) => failure.fail(e instanceof MemberXlsxError ? e : new MemberXlsxError('上传的文件读取失败，请重新上传', { cause: e })));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const sheets = guard(reader as AsyncIterable<SheetReader>, failure);
  let sheetCount = 0;
  let chosen = false;
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
      const sheet = next.value;
      sheetCount++;
      // workbook.xml (tab order, hidden state) has been read by the time sheets are emitted; if not, take the first.
      const tabs = (reader as unknown as BookModel).model?.sheets;
      const firstVisible = tabs?.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden')?.name;
      if (chosen || (firstVisible !== undefined && sheet.name !== firstVisible)) {
        await skipSheet(sheet, failure);
        continue;
      }
      chosen = true;
      yield* readSheet(guard(sheet, failure), maxRows);
    }
  } finally {
    // Even after stopping early, let exceljs finish: it deletes its temp copy of each sheet only when
    // the iteration moves past it.
    try {
      for (let next = await sheets.next(); !next.done; next = await sheets.next()) await skipSheet(next.value, failure);
    } catch {
      // the file is broken; the error that matters was already thrown
    }
    source.destroy();
  }
  if (sheetCount === 0) throw new MemberXlsxError(`${NOT_XLSX}（文件中没有工作表）`);
}

/** Starting and stopping a sheet's iteration closes the temp file exceljs may have opened for it. */
async function skipSheet(sheet: SheetReader, failure: Failure): Promise<void> {
  for await (const _row of guard(sheet, failure)) break;
}

async function* readSheet(rows: AsyncIterable<XlRow>, maxRows: number): AsyncGenerator<ReadEvent> {
  let columns: Map<number, MemberXlsxKey> | null = null;
  let scanned = 0;
  let count = 0;
  const example = normalizeName(EXAMPLE_NAME);
  for await (const row of rows) {
    const values = row.values as unknown[]; // sparse, indexed by column number (1-based)
    if (columns === null) {
      if (!values.some((v) => normalizeText(v) !== '')) continue;
      const header = matchHeader(values, row.number);
      if (header) {
        if (header.problems.length > 0) {
          yield { type: 'headerProblems', problems: header.problems };
          return;
        }
        columns = header.columns;
      } else if (++scanned >= HEADER_SCAN_ROWS) {
        break;
      }
      continue;
    }
    const cells: ImportRowCells = {};
    let blank = true;
    for (const [col, key] of columns) {
      const v = values[col];
      if (v === null || v === undefined) continue;
      cells[key] = v;
      if (blank && normalizeText(v) !== '') blank = false;
    }
    if (blank || normalizeName(cells.name) === example) continue;
    if (++count > maxRows) throw new MemberXlsxError(`数据超过 ${maxRows} 行的上限，请拆分成多个文件分批导入`);
    yield { type: 'row', row: row.number, cells };
  }
  if (columns === null) {
    yield {
      type: 'headerProblems',
      problems: [{ row: 1, column: '表头', value: '', message: `未找到表头：前${HEADER_SCAN_ROWS}行中没有同时包含“姓名”和“身份证号”的行，请使用导入模板` }],
    };
  }
}

/**
 * The column map when this row is the header (has 姓名 and 身份证号), with any problems; else null.
 * Exact headers win over synonyms: a sheet with both 手机号码 and 联系电话 reads 手机号码 and ignores
 * the other. Only an exact header that appears twice is ambiguous.
 */
function matchHeader(values: unknown[], rowNumber: number): { columns: Map<number, MemberXlsxKey>; problems: ImportProblem[] } | null {
  const texts = values.map(cleanHeader); // keeps the holes of the sparse row
  const columns = new Map<number, MemberXlsxKey>();
  const problems: ImportProblem[] = [];
  const take = (col: number, key: MemberXlsxKey) => columns.set(col, key);
  const mapped = (key: MemberXlsxKey) => [...columns.values()].includes(key);
  texts.forEach((t, col) => {
    const key = HEADER_KEYS.get(t);
    if (!key) return;
    if (mapped(key)) problems.push({ row: rowNumber, column: HEADER_TEXT[key], value: t, message: `“${HEADER_TEXT[key]}”列出现了不止一次` });
    else take(col, key);
  });
  texts.forEach((t, col) => {
    const key = Object.hasOwn(HEADER_ALIASES, t) ? HEADER_ALIASES[t] : undefined;
    if (key && !mapped(key)) take(col, key);
  });
  if (!mapped('name') || !mapped('idNumber')) return null;
  for (const c of MEMBER_XLSX_COLUMNS) {
    if (c.required && !mapped(c.key)) problems.push({ row: rowNumber, column: c.header, value: '', message: `缺少必填列“${c.header}”` });
  }
  return { columns, problems };
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * One member as exported, as stored: gender, category and status are codes ('male', 'probationary',
 * 'active') and are written as their labels; an unknown code is written as is. Dates are YYYY-MM-DD
 * strings. The caller decides whether idNumber and phone are masked.
 */
export interface ExportRow {
  name: string;
  gender: string;
  ethnicity: string | null;
  birthDate: string | null;
  idNumber: string;
  phone: string | null;
  education: string | null;
  joinDate: string;
  category: string;
  probationStart: string | null;
  probationEnd: string | null;
  orgName: string;
  post: string | null;
  status: string;
}

const label = (labels: Record<string, string>, code: string): string => (Object.hasOwn(labels, code) ? labels[code]! : code);

const EXPORT_HEADERS = [...MEMBER_XLSX_COLUMNS.map((c) => c.header), '状态'];
const EXPORT_WIDTHS = [...MEMBER_XLSX_COLUMNS.map((c) => WIDTHS[c.key]), 8];
const YIELD_EVERY = 500; // rows between pauses that let the zip stream catch up
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

/**
 * exceljs hands committed rows to the zip entry's PassThrough without heeding backpressure, so with a
 * producer faster than compression and `out` (a client download) they would pile up in memory. Wait
 * while that buffer is full; the zip stream empties it only as fast as `out` accepts data. The
 * PassThrough is exceljs's internal `_stream.pipes[0]` (from archiver's readable-stream, which has
 * `_writableState.length` rather than `writableLength`); if a version lacks it, only the yield remains.
 */
async function keepUp(ws: XlWorksheet, broken: OutFailure): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve)); // lets a microtask-only `rows` producer share the loop
  type Sink = { writableLength?: number; _writableState?: { length?: number } };
  const sink = (ws as unknown as { _stream?: { pipes?: Sink[] } })._stream?.pipes?.[0];
  const pending = () => sink?.writableLength ?? sink?._writableState?.length ?? 0;
  for (;;) {
    if (broken.error) throw broken.error;
    if (pending() <= MAX_PENDING_BYTES) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function exportValues(r: ExportRow): (string | null)[] {
  const byKey: Record<MemberXlsxKey, string | null> = {
    name: r.name, gender: label(GENDER_LABELS, r.gender), ethnicity: r.ethnicity, birthDate: r.birthDate,
    idNumber: r.idNumber, phone: r.phone, education: r.education, joinDate: r.joinDate,
    category: label(MEMBER_CATEGORY_LABELS, r.category), probationStart: r.probationStart,
    probationEnd: r.probationEnd, org: r.orgName, post: r.post,
  };
  return [...MEMBER_XLSX_COLUMNS.map((c) => byKey[c.key]), label(MEMBER_STATUS_LABELS, r.status)];
}

/**
 * Writes members as an .xlsx with the template's headers plus 状态, so an export (with unmasked ID
 * numbers) can be imported again. An optional title goes in a merged first row. Every value is written
 * as a text cell, so nothing is reinterpreted (no formulas from names that start with '=').
 * Returns the number of member rows written. `out` must be consumed while this runs (backpressure).
 */
export async function writeMemberExport(out: Writable, rows: AsyncIterable<ExportRow>, opts: { title?: string } = {}): Promise<number> {
  // exceljs notices a failed `out` only once it finalizes, and then waits for a 'finish' that never comes.
  const broken = outFailure(out);
  const headerRow = opts.title ? 2 : 1;
  const last = columnLetter(EXPORT_HEADERS.length - 1);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(MEMBER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: headerRow }] });
  ws.columns = EXPORT_WIDTHS.map((width) => ({ width, style: TEXT }));
  ws.autoFilter = `A${headerRow}:${last}${headerRow}`;
  if (opts.title) {
    const title = ws.addRow([opts.title]);
    title.getCell(1).font = { bold: true, size: 14 };
    title.height = 24;
    ws.mergeCells(`A1:${last}1`);
    title.commit();
  }
  const header = ws.addRow(EXPORT_HEADERS);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  header.commit();

  let count = 0;
  for await (const r of rows) {
    ws.addRow(exportValues(r)).commit();
    count++;
    if (count % YIELD_EVERY === 0) await keepUp(ws, broken);
  }
  ws.commit();
  await Promise.race([wb.commit(), broken.promise]);
  return count;
}

type OutFailure = { error: Error | null; promise: Promise<never> };

/** Rejects when `out` errors or closes before finishing (a client that went away). */
function outFailure(out: Writable): OutFailure {
  const state: OutFailure = { error: null, promise: Promise.resolve() as unknown as Promise<never> };
  state.promise = new Promise<never>((_, reject) => {
    const fail = (e: Error) => {
      state.error ??= e;
      reject(state.error);
    };
    out.once('error', fail);
    out.once('close', () => {
      if (!out.writableFinished) fail(new Error('导出已中断：输出流已关闭'));
    });
  });
  state.promise.catch(() => undefined); // observed through the race and keepUp
  return state;
}
