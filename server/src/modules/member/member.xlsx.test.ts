import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import ExcelJS from '../../platform/excel.js';
import type { CellRichTextValue as XlCellRichTextValue, Workbook as XlWorkbook, DataValidation as XlDataValidation } from 'exceljs'; // types only: erased, loads nothing
import { describe, expect, it } from 'vitest';
import { MEMBER_XLSX_COLUMNS } from '../../../../contracts/limits.js';
import { validateImportRow } from './member.import-row.js';
import { idCheckChar } from './member.normalize.js';
import {
  assertCompleteXlsxFile, EXAMPLE_NAME, INSTRUCTIONS_SHEET_NAME, MEMBER_SHEET_NAME, MemberXlsxError, readMemberRows, writeImportTemplate,
  writeMemberExport, type ExportRow, type ReadEvent,
} from './member.xlsx.js';

const HEADERS = MEMBER_XLSX_COLUMNS.map((c) => c.header);
const id = (first17: string) => first17 + idCheckChar(first17);

async function toBuffer(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await write(new Writable({ write(chunk: Buffer, _enc, cb) { chunks.push(chunk); cb(); } }));
  return Buffer.concat(chunks);
}

/** exceljs types load() with its own Buffer declaration, which the Node Buffer type no longer matches. */
const loadWhole = (wb: XlWorkbook, buf: Buffer) => wb.xlsx.load(buf as unknown as ArrayBuffer);

type Sheet = { name: string; rows: unknown[][]; state?: 'visible' | 'hidden'; dateColumns?: number[] };

/** A workbook written with exceljs's streaming writer, as another program might produce it. */
function workbook(sheets: Sheet[]): Promise<Buffer> {
  return toBuffer(async (out) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
      for (const values of s.rows) {
        const row = ws.addRow(values);
        for (const col of s.dateColumns ?? []) row.getCell(col).numFmt = 'yyyy-mm-dd';
        row.commit();
      }
      ws.commit();
    }
    await wb.commit();
  });
}

async function readAll(input: Buffer | Readable, opts?: { maxRows?: number }): Promise<ReadEvent[]> {
  const events: ReadEvent[] = [];
  for await (const ev of readMemberRows(input instanceof Readable ? input : Readable.from(input), opts)) events.push(ev);
  return events;
}

async function readError(input: Buffer | Readable, opts?: { maxRows?: number }): Promise<MemberXlsxError> {
  try {
    await readAll(input, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(MemberXlsxError);
    return e as MemberXlsxError;
  }
  throw new Error('expected readMemberRows to fail');
}

const rowsOf = (events: ReadEvent[]) => events.filter((e): e is Extract<ReadEvent, { type: 'row' }> => e.type === 'row');

describe('writeImportTemplate', () => {
  it('round-trips: the reader finds the header, skips the example row and yields nothing', async () => {
    const buf = await toBuffer(writeImportTemplate);
    expect(await readAll(buf)).toEqual([]);
  });

  it('has styled headers, an example row, drop-down lists and an instructions sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await loadWhole(wb, await toBuffer(writeImportTemplate)); // a tiny file: loading it whole is fine in a test
    expect(wb.worksheets.map((w) => w.name)).toEqual([MEMBER_SHEET_NAME, INSTRUCTIONS_SHEET_NAME]);
    const ws = wb.getWorksheet(MEMBER_SHEET_NAME)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const header = ws.getRow(1);
    MEMBER_XLSX_COLUMNS.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      expect(cell.text.replace('*', '')).toBe(c.header);
      expect(cell.font?.bold).toBe(true);
      if (c.required) {
        const runs = (cell.value as XlCellRichTextValue).richText;
        expect(runs[0]).toMatchObject({ text: '*', font: { color: { argb: 'FFFF0000' } } });
      } else {
        expect(cell.value).toBe(c.header);
      }
      expect(ws.getColumn(i + 1).numFmt).toBe('@');
      expect(ws.getColumn(i + 1).width).toBeGreaterThan(5);
    });

    const example = ws.getRow(2);
    expect(example.getCell(1).value).toBe(EXAMPLE_NAME);
    expect(example.getCell(1).font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    // The example is itself a valid row (apart from its name and org), so people can copy its formats.
    const cells = Object.fromEntries(MEMBER_XLSX_COLUMNS.map((c, i) => [c.key, example.getCell(i + 1).value]));
    expect(validateImportRow(2, cells, { today: '2025-01-01' }).problems).toEqual([]);

    const validations = (ws as unknown as { dataValidations: { model: Record<string, XlDataValidation> } }).dataValidations.model;
    const listOf = (col: string, row: number) => Object.entries(validations).find(([range]) => inRange(range, col, row))?.[1]?.formulae[0];
    expect(listOf('B', 2)).toBe('"男,女"');
    expect(listOf('B', 5001)).toBe('"男,女"');
    expect(listOf('I', 100)).toBe('"正式党员,预备党员"');
    expect(listOf('G', 3)).toBe('"研究生,大学本科,大学专科,中专,高中,初中及以下"');

    const info = wb.getWorksheet(INSTRUCTIONS_SHEET_NAME)!;
    const text = info.getColumn(1).values.join('\n');
    expect(text).toContain(EXAMPLE_NAME);
    expect(text).toContain('预备党员须填写预备期开始日期');
  });
});

/** exceljs may keep a range ('B2:B5001') or expand it to cells ('B2', 'B3', …) when loading. */
function inRange(range: string, col: string, row: number): boolean {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) return range.split(' ').some((r) => inRange(r, col, row));
  const [, c1, r1, c2 = c1, r2 = r1] = m;
  return col >= c1! && col <= c2! && row >= Number(r1) && row <= Number(r2);
}

describe('readMemberRows', () => {
  const good = ['李四', '女', '汉族', '', id('33070219851231002'), '13812345678', '本科', '2010-07-01', '正式党员', '', '', '第一党支部', ''];

  it('yields data rows with their Excel row numbers, skipping blank rows and the example row', async () => {
    const buf = await workbook([{
      name: 'Sheet1',
      rows: [
        ['2024年党员名册'], // a title above the header
        HEADERS,
        [EXAMPLE_NAME, '男'],
        good,
        [], // blank
        ['王五', '男', '', '', '330702199001011234', '', '', '2015-02-30', '正式党员', '', '', '第一党支部', ''],
        ['', '', '', '', '', '', '', '', '', '', '', '', ''], // blank with empty strings
        ['赵六', '男', '', '', id('33070220100101123'), '', '', '2020-01-01', '预备党员', '', '', '第二党支部', ''],
      ],
    }]);
    const events = await readAll(buf);
    expect(events.every((e) => e.type === 'row')).toBe(true);
    const rows = rowsOf(events);
    expect(rows.map((r) => r.row)).toEqual([4, 6, 8]);
    expect(rows[0]!.cells).toMatchObject({ name: '李四', gender: '女', idNumber: good[4], org: '第一党支部' });

    const problems = rows.flatMap((r) => validateImportRow(r.row, r.cells, { today: '2025-06-30' }).problems);
    expect(problems).toEqual([
      { row: 6, column: '身份证号', value: '330702199001011234', message: '身份证号校验位错误' },
      { row: 6, column: '入党日期', value: '2015-02-30', message: '日期“2015-02-30”不存在' },
      { row: 8, column: '入党日期', value: '2020-01-01', message: '入党时未满18周岁' },
      { row: 8, column: '预备期开始', value: '', message: '预备党员须填写预备期开始日期' },
    ]);
  });

  it('passes Date cells, numbers, rich text and formulas through as values', async () => {
    const buf = await workbook([{
      name: 'Sheet1',
      dateColumns: [8],
      rows: [
        HEADERS,
        [{ richText: [{ text: '张' }, { text: '三' }] }, '男', '', '', { formula: 'A1', result: id('33070219900101123') }, 13812345678, '', new Date(Date.UTC(2015, 6, 1)), '正式党员', '', '', '第一党支部'],
      ],
    }]);
    const [ev] = rowsOf(await readAll(buf));
    expect(ev!.cells.joinDate).toEqual(new Date(Date.UTC(2015, 6, 1)));
    expect(ev!.cells.phone).toBe(13812345678);
    expect(validateImportRow(ev!.row, ev!.cells, { today: '2025-06-30' })).toMatchObject({
      problems: [], value: { name: '张三', idNumber: id('33070219900101123'), phone: '13812345678', joinDate: '2015-07-01' },
    });
  });

  it('matches headers tolerantly and ignores unknown columns', async () => {
    const headers = ['序号', '＊姓 名', '性别*', '身份证号码', '入党时间', '党员类别（必填）', '所在党组织', '备注'];
    const buf = await workbook([{ name: 'Sheet1', rows: [headers, [1, '李四', '女', id('33070219851231002'), '2010-07-01', '正式党员', '第一党支部', '无']] }]);
    const rows = rowsOf(await readAll(buf));
    expect(rows).toEqual([{
      type: 'row', row: 2,
      cells: { name: '李四', gender: '女', idNumber: id('33070219851231002'), joinDate: '2010-07-01', category: '正式党员', org: '第一党支部' },
    }]);
  });

  it('reports missing required columns once and stops', async () => {
    const headers = HEADERS.filter((h) => h !== '入党日期' && h !== '党员类别');
    const events = await readAll(await workbook([{ name: 'Sheet1', rows: [['名册'], headers, good] }]));
    expect(events).toEqual([{
      type: 'headerProblems',
      problems: [
        { row: 2, column: '入党日期', value: '', message: '缺少必填列“入党日期”' },
        { row: 2, column: '党员类别', value: '', message: '缺少必填列“党员类别”' },
      ],
    }]);
  });

  it('reports a duplicated column, but lets an exact header win over a synonym', async () => {
    const events = await readAll(await workbook([{ name: 'Sheet1', rows: [[...HEADERS, '*手机号码'], good] }]));
    expect(events).toEqual([{ type: 'headerProblems', problems: [{ row: 1, column: '手机号码', value: '手机号码', message: '“手机号码”列出现了不止一次' }] }]);

    const withSynonym = await readAll(await workbook([{ name: 'Sheet1', rows: [['联系电话', ...HEADERS], ['0579-82345678', ...good]] }]));
    expect(rowsOf(withSynonym)[0]!.cells.phone).toBe('13812345678');
  });

  it('reports a sheet without a header row', async () => {
    for (const rows of [[], [['随便写点什么'], ['姓名', '年龄']]]) {
      const events = await readAll(await workbook([{ name: 'Sheet1', rows }]));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'headerProblems', problems: [{ column: '表头', message: expect.stringContaining('未找到表头') }] });
    }
  });

  it('reads only the first visible worksheet', async () => {
    const other = ['他人', '男', '', '', id('33070219900101123'), '', '', '2015-07-01', '正式党员', '', '', '第二党支部', ''];
    const buf = await workbook([
      { name: '隐藏', state: 'hidden', rows: [HEADERS, other] },
      { name: '名册', rows: [HEADERS, good] },
      { name: '另一张', rows: [HEADERS, other, other] },
    ]);
    const rows = rowsOf(await readAll(buf));
    expect(rows.map((r) => r.cells.name)).toEqual(['李四']);
  });

  it('stops with a Chinese error beyond maxRows', async () => {
    const buf = await workbook([{ name: 'Sheet1', rows: [HEADERS, good, good, good] }]);
    expect(rowsOf(await readAll(buf, { maxRows: 3 }))).toHaveLength(3);
    expect((await readError(buf, { maxRows: 2 })).message).toBe('数据超过 2 行的上限，请拆分成多个文件分批导入');
  });

  it('rejects files that are not .xlsx with a Chinese message', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect((await readError(random)).message).toBe('文件不是有效的 Excel（.xlsx）文件，请使用导入模板填写后上传');
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect((await readError(xls)).message).toContain('旧版 Excel（.xls）');
    expect((await readError(Buffer.alloc(0))).message).toBe('上传的文件是空的');
    expect((await readError(Buffer.from('PK'))).message).toContain('不是有效的 Excel');
  });

  it('rejects a truncated .xlsx instead of hanging', async () => {
    // Cut inside the first zip entry: a cut after a spooled sheet would leave exceljs's temp file behind.
    const buf = await workbook([{ name: 'Sheet1', rows: [HEADERS, good] }]);
    expect((await readError(buf.subarray(0, 200))).message).toContain('不是有效的 Excel');
  });

  it('leaves no temp files behind after a full read or an early stop', async () => {
    const mine = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
    const before = mine();
    const buf = await workbook([{ name: 'Sheet1', rows: [HEADERS, good, good] }, { name: 'Sheet2', rows: [['x']] }]);
    expect(rowsOf(await readAll(buf))).toHaveLength(2);
    for await (const ev of readMemberRows(Readable.from(buf))) if (ev.type === 'row') break;
    await expect(readAll(buf, { maxRows: 1 })).rejects.toThrow(MemberXlsxError);
    await new Promise((resolve) => setTimeout(resolve, 200)); // exceljs removes them asynchronously
    expect(mine()).toEqual(before);
  });

  it('fails cleanly when the input breaks off', async () => {
    const buf = await workbook([{ name: 'Sheet1', rows: [HEADERS, good] }]);
    const broken = new Readable({ read() {} });
    broken.push(buf.subarray(0, 1000));
    setTimeout(() => broken.destroy(new Error('aborted')), 20);
    const e = await readError(broken);
    expect(e.message).toBe('上传的文件读取失败，请重新上传');
    expect((e.cause as Error).message).toBe('aborted');
  });

  it('lets the consumer stop early', async () => {
    const buf = await workbook([{ name: 'Sheet1', rows: [HEADERS, good, good, good] }]);
    let seen = 0;
    for await (const ev of readMemberRows(Readable.from(buf))) {
      if (ev.type === 'row') seen++;
      break;
    }
    expect(seen).toBe(1);
  });
});

function member(i: number): ExportRow {
  const probationary = i % 10 === 0;
  return {
    name: `党员${i}`, gender: i % 2 ? 'male' : 'female', ethnicity: i % 3 ? '汉族' : null, birthDate: '1990-01-01',
    idNumber: id(`33070219900101${String(i % 100).padStart(2, '0')}${i % 2 ? '1' : '2'}`),
    phone: i % 4 ? `138${String(i).padStart(8, '0')}` : null, education: '大学本科', joinDate: probationary ? '2024-07-01' : '2015-07-01',
    category: probationary ? 'probationary' : 'full', probationStart: probationary ? '2024-07-01' : null,
    probationEnd: probationary ? '2025-07-01' : null, orgName: `第${(i % 7) + 1}党支部`, post: i % 5 ? null : '=党小组长', status: 'active',
  };
}

async function* members(n: number): AsyncGenerator<ExportRow> {
  for (let i = 1; i <= n; i++) yield member(i);
}

describe('assertCompleteXlsxFile', () => {
  it('accepts a complete file and rejects truncated or foreign ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-xlsx-'));
    const file = (name: string, bytes: Buffer) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, bytes);
      return p;
    };
    try {
      const buf = await toBuffer(writeImportTemplate);
      await expect(assertCompleteXlsxFile(file('ok.xlsx', buf))).resolves.toBeUndefined();
      await expect(assertCompleteXlsxFile(file('cut.xlsx', buf.subarray(0, buf.length - 10)))).rejects.toThrow('文件不完整');
      await expect(assertCompleteXlsxFile(file('half.xlsx', buf.subarray(0, buf.length >> 1)))).rejects.toThrow(MemberXlsxError);
      await expect(assertCompleteXlsxFile(file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).rejects.toThrow('旧版 Excel（.xls）');
      await expect(assertCompleteXlsxFile(file('empty.xlsx', Buffer.alloc(0)))).rejects.toThrow('上传的文件是空的');
      await expect(assertCompleteXlsxFile(file('text.xlsx', Buffer.from('hello')))).rejects.toThrow('不是有效的 Excel');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writeMemberExport', () => {
  it('writes labels and re-reads 1,000 rows as valid import rows', async () => {
    let written = 0;
    const buf = await toBuffer(async (out) => { written = await writeMemberExport(out, members(1000), { title: '党员名册' }); });
    expect(written).toBe(1000);

    const rows = rowsOf(await readAll(buf));
    expect(rows).toHaveLength(1000);
    expect(rows[0]!.row).toBe(3); // title, header, then data
    expect(rows[999]!.row).toBe(1002);
    expect(rows[0]!.cells).toMatchObject({ gender: '男', category: '正式党员', org: '第2党支部' });
    expect(rows[9]!.cells).toMatchObject({ gender: '女', category: '预备党员', probationStart: '2024-07-01' });
    expect(rows[4]!.cells.post).toBe('=党小组长'); // text, never a formula
    for (const r of rows) {
      const { value, problems } = validateImportRow(r.row, r.cells, { today: '2025-06-30' });
      expect(problems).toEqual([]);
      const source = member(r.row - 2);
      expect(value).toMatchObject({ name: source.name, idNumber: source.idNumber, joinDate: source.joinDate, orgText: source.orgName, phone: source.phone });
    }
  });

  it('writes the template headers plus 状态 and status labels', async () => {
    async function* one() { yield { ...member(1), status: 'transferred_out' }; }
    const wb = new ExcelJS.Workbook();
    await loadWhole(wb, await toBuffer((out) => writeMemberExport(out, one(), {})));
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADERS, '状态']);
    expect(ws.getRow(2).getCell(HEADERS.length + 1).value).toBe('已转出');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('Chinese text in large sheets', () => {
  // exceljs 4.4 decoded each compressed chunk separately, so a character split across two chunks came
  // back as "��" (seen as "大��本科" in a 20,000-row import). platform/excel.ts fixes the decoder.
  it('reads back every character of 20,000 rows of Chinese text unchanged', async () => {
    const NAMES = '张王李赵刘陈杨黄周吴'; const GIVEN = '国建华明强伟芳敏静丽';
    const row = (i: number) => ({
      ...member(i), name: `${NAMES[i % 10]}${GIVEN[(i >> 3) % 10]}${GIVEN[(i >> 5) % 10]}`, education: '大学本科',
      orgName: `青禾市财政局机关党委/机关第${'一二三四五'[i % 5]}党支部`, post: '一级主任科员', ethnicity: '汉族',
    });
    async function* rows() { for (let i = 0; i < 20_000; i++) yield row(i); }
    const buf = await toBuffer((out) => writeMemberExport(out, rows(), {}));
    const read = rowsOf(await readAll(buf));
    expect(read).toHaveLength(20_000);
    const bad = read.filter((r) => {
      const src = row(r.row - 2);
      return r.cells.name !== src.name || r.cells.education !== '大学本科' || r.cells.org !== src.orgName || r.cells.post !== '一级主任科员';
    });
    expect(bad.map((r) => `${r.row}: ${String(r.cells.name)} ${String(r.cells.education)} ${String(r.cells.org)}`).slice(0, 5)).toEqual([]);
  }, 60_000);
});

describe('writeMemberExport with a failing or slow output', () => {
  it('rejects instead of hanging when the output fails', async () => {
    let bytes = 0;
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        cb(bytes > 20_000 ? new Error('client went away') : null);
      },
    });
    await expect(writeMemberExport(out, members(5000), {})).rejects.toThrow('client went away');
  });

  it('keeps buffered output bounded when the output is slow', { timeout: 120_000 }, async () => {
    let bytes = 0;
    let peak = 0;
    const before = process.memoryUsage().rss;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        setTimeout(cb, 2);
      },
    });
    async function* sampled(): AsyncGenerator<ExportRow> {
      for (let i = 1; i <= 60_000; i++) {
        if (i % 2000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        yield member(i);
      }
    }
    expect(await writeMemberExport(slow, sampled(), {})).toBe(60_000);
    expect(bytes).toBeGreaterThan(1024 * 1024);
    expect((peak - before) / 1024 / 1024).toBeLessThan(100);
  });
});

describe('streaming', () => {
  it('reads 100,000 rows in bounded memory', { timeout: 600_000 }, async () => {
    const file = path.join(os.tmpdir(), `zhendi-members-${process.pid}-${Date.now()}.xlsx`);
    const MB = 1024 * 1024;
    try {
      const beforeWrite = process.memoryUsage().rss;
      let peakWrite = beforeWrite;
      async function* sampled(): AsyncGenerator<ExportRow> {
        for (let i = 1; i <= 100_000; i++) {
          if (i % 5000 === 0) peakWrite = Math.max(peakWrite, process.memoryUsage().rss);
          yield member(i);
        }
      }
      const written = await writeMemberExport(fs.createWriteStream(file), sampled(), {});
      expect(written).toBe(100_000);
      expect(fs.statSync(file).size).toBeGreaterThan(MB);

      const before = process.memoryUsage().rss;
      let peak = before;
      let count = 0;
      let lastRow = 0;
      for await (const ev of readMemberRows(fs.createReadStream(file))) {
        if (ev.type !== 'row') throw new Error(`unexpected ${ev.type}`);
        count++;
        lastRow = ev.row;
        if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      }
      expect(count).toBe(100_000);
      expect(lastRow).toBe(100_001);
      console.log(`100k rows: write +${Math.round((peakWrite - beforeWrite) / MB)} MB, read +${Math.round((peak - before) / MB)} MB rss`);
      expect((peakWrite - beforeWrite) / MB).toBeLessThan(300);
      expect((peak - before) / MB).toBeLessThan(300);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
