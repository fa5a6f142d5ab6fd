// exceljs, with its streaming XML parse fixed: exceljs 4.4 decodes every compressed chunk to text on its
// own (lib/utils/parse-sax.js), so a Chinese character split across two chunks turns into "��" — in
// large sheets, names like "大学本科" came back as "大��本科". This module installs a parse-sax that
// decodes with a StringDecoder before exceljs loads, so import ExcelJS from here, never from 'exceljs'.
// exceljs loads on first use (the first property read of the default export), not at start: only imports
// and exports need it, and loaded it holds some 20 MB of the server's memory.
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSType from 'exceljs';

const require = createRequire(import.meta.url);
const fromExcel = createRequire(require.resolve('exceljs/package.json'));
const saxPath = fromExcel.resolve('./lib/utils/parse-sax.js');
const excelPath = require.resolve('exceljs');

async function* parseSax(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }) {
  let source: AsyncIterable<Buffer | string> = iterable;
  if (typeof iterable.pipe === 'function' && !(Symbol.asyncIterator in iterable)) {
    const { PassThrough } = fromExcel('readable-stream') as typeof import('node:stream');
    source = (iterable as unknown as NodeJS.ReadableStream).pipe(new PassThrough()) as unknown as AsyncIterable<Buffer>;
  }
  const { SaxesParser } = fromExcel('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void } };
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: unknown;
  let events: { eventType: string; value: unknown }[] = [];
  parser.on('error', (err) => { error = err; });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}
(parseSax as unknown as { zhendiFixed: boolean }).zhendiFixed = true;

let loaded: typeof ExcelJSType | null = null;

/** exceljs with the fixed parse-sax installed first. */
function load(): typeof ExcelJSType {
  if (loaded) return loaded;
  if (require.cache[excelPath] && !require.cache[saxPath]?.exports.zhendiFixed) {
    // Someone loaded exceljs without this module: its readers already hold the broken function.
    throw new Error('exceljs was loaded before server/src/platform/excel.ts; import ExcelJS from platform/excel.js');
  }
  if (!require.cache[saxPath]?.exports.zhendiFixed) {
    const mod = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(saxPath);
    mod.filename = saxPath;
    mod.loaded = true;
    mod.exports = parseSax;
    require.cache[saxPath] = mod;
  }
  loaded = require('exceljs') as typeof ExcelJSType;
  return loaded;
}

/** Used as exceljs itself (`new ExcelJS.Workbook()`, `ExcelJS.stream.xlsx…`); loads it on the first read. */
const ExcelJS = new Proxy({} as typeof ExcelJSType, { get: (_target, key) => Reflect.get(load(), key) });
export default ExcelJS;
export type { ExcelJSType };
