// Pure normalization and validation of member fields as people type them into Excel or forms.
// No I/O, no database: the same functions serve the import, the create/update services and the tests.
import { pinyin } from 'pinyin-pro';
import { EDUCATIONS, type Education, type Gender, type MemberCategory } from '../../../../contracts/enums.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

// ---------------------------------------------------------------------------------------------
// Text

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD of a Date read as UTC: exceljs builds date cells at UTC midnight. */
const utcDay = (d: Date): string => `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;

/**
 * The text of an Excel cell value without any clean-up (used to echo back what the person typed).
 * exceljs gives strings, numbers, booleans, Dates, rich text {richText:[{text}]}, hyperlinks {text},
 * formulas {formula, result} and errors {error}.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const time = v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
    return time === 0 ? utcDay(v) : `${utcDay(v)} ${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}:${pad2(v.getUTCSeconds())}`;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r) => cellText((r as { text?: unknown } | null)?.text)).join('');
    if ('text' in o) return cellText(o.text); // hyperlink; its text may itself be rich text
    if ('result' in o) return cellText(o.result); // formula: the cached result is what the person saw
    if ('error' in o) return cellText(o.error);
  }
  return '';
}

/** Full-width ASCII (Ａ, ０, （, －, ．, ／ …) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

// Zero-width characters arrive with copy-paste from web pages and chat apps and are invisible.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Cell value -> trimmed half-width string with inner whitespace runs collapsed to one space. */
export function normalizeText(v: unknown): string {
  return toHalfWidth(cellText(v)).replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/**
 * A person's name: like normalizeText but without any inner spaces ('张 三' -> '张三'), and the
 * separator dot of minority and foreign names ('买买提.艾力', '・', '•') unified to '·' (U+00B7).
 */
export function normalizeName(v: unknown): string {
  return normalizeText(v).replace(/\s/g, '').replace(/[.•・‧∙⋅･]/g, '·');
}

// ---------------------------------------------------------------------------------------------
// Dates

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Checks range and existence; `shown` is what the message quotes back. */
function ymd(y: number, m: number, d: number, shown: string): Parsed<string> {
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`日期“${shown}”的年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间`);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return fail(`日期“${shown}”不存在`);
  return ok(`${y}-${pad2(m)}-${pad2(d)}`);
}

const incomplete = (shown: string) => fail(`日期“${shown}”不完整，请填写到具体某日，例如 2015-07-01`);
const unrecognized = (shown: string) => fail(`无法识别的日期“${shown}”，请使用 2015-07-01 的格式`);

/**
 * An Excel serial day number (1900 date system; 42186 = 2015-07-01). Excel counts the non-existent
 * 1900-02-29 as serial 60, so serials below 60 are one day later than plain arithmetic gives.
 */
function fromSerial(n: number, shown: string): Parsed<string> {
  const day = Math.floor(n);
  if (day === 60) return fail(`日期“1900-02-29”不存在`);
  if (day < 1) return unrecognized(shown);
  const ms = (day - (day < 60 ? 25568 : 25569)) * 86_400_000;
  const d = new Date(ms);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), shown);
}

/** Numbers typed into General-format cells: 20150701, a serial day, or just a year (incomplete). */
function fromNumber(n: number): Parsed<string> {
  const shown = String(n);
  if (!Number.isFinite(n) || n < 0) return unrecognized(shown);
  // 2015 or 2015.7 typed as a number: serials in this range are dates in 1905, which no member has.
  if (Math.floor(n) >= MIN_YEAR && Math.floor(n) <= MAX_YEAR) return incomplete(shown);
  if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) {
    return ymd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100, shown);
  }
  if (n < 2_958_466) return fromSerial(n, shown); // 2958465 = 9999-12-31, Excel's last day
  return unrecognized(shown);
}

const FULL_DATE_PATTERNS: RegExp[] = [
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
const PARTIAL_DATE_PATTERNS: RegExp[] = [/^\d{4}年?$/, /^\d{4}年\d{1,2}月?$/, /^\d{4}[-/.]\d{1,2}$/, /^\d{6}$/];

/**
 * Dates as people write them: Date cells, serial numbers, 2015-07-01, 2015/7/1, 2015.7.1,
 * 2015年7月1日, 20150701, with full-width digits and stray spaces. Dates without a day (2015年7月)
 * are rejected rather than guessed, because a join date is a fact, not an approximation.
 */
export function parseDate(v: unknown): Parsed<string> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail('无法识别的日期');
    const s = utcDay(v);
    return ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), s);
  }
  if (typeof v === 'number') return fromNumber(v);
  const shown = normalizeText(v);
  if (shown === '') return fail('日期为空');
  // A time of day after the date (from text exports or ISO strings) carries no meaning here.
  const text = shown
    .replace(/[T\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i, '')
    .replace(/\s/g, '')
    .replace(/[—–]/g, '-');
  for (const re of FULL_DATE_PATTERNS) {
    const m = re.exec(text);
    if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  }
  if (PARTIAL_DATE_PATTERNS.some((re) => re.test(text))) return incomplete(shown);
  // A serial number that ended up as text (pasted values from a date column).
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text), shown);
  return unrecognized(shown);
}

/** YYYY-MM-DD plus whole years; 02-29 falls back to 02-28 in a common year (a probation year ends then). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const m = Number(date.slice(5, 7));
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Today's date in the server's local time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

// ---------------------------------------------------------------------------------------------
// Resident ID numbers (GB 11643-1999)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: Gender }
  | { ok: false; message: string };

/**
 * An 18-character mainland resident ID: 17 digits and a check character (X allowed, x becomes X).
 * Old 15-digit IDs (issued before 1999, born 19xx) are upgraded to 18 characters by inserting '19'
 * and computing the check character, so one person has one ID number in the database.
 * The region code (first 6 digits) is not checked: administrative codes change and old ones stay valid.
 */
export function validateIdNumber(s: unknown, today: string = localToday()): IdNumberResult {
  let id = normalizeText(s).replace(/\s/g, '').toUpperCase();
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + idCheckChar(first17);
  }
  if (id.length !== 18) return fail('身份证号应为18位');
  if (!/^\d{17}[\dX]$/.test(id)) return fail('身份证号只能由数字和末位的X组成');
  const birth = ymd(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)), id.slice(6, 14));
  if (!birth.ok || birth.value > today) return fail('身份证号中的出生日期无效');
  if (idCheckChar(id) !== id[17]) return fail('身份证号校验位错误');
  return { ok: true, value: id, birthDate: birth.value, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

export type PhoneResult = { ok: true; value: string; kind: 'mobile' | 'landline' } | { ok: false; message: string };

const PHONE_MESSAGE = '手机号码格式不正确';

/**
 * A mainland mobile number (11 digits, 1[3-9]…) with spaces, dashes and a +86/0086 prefix removed,
 * or a landline, normalized to 'area-number[-extension]' (0579-82345678, 010-12345678-801) or just the
 * local number when the area code was left out.
 */
export function normalizePhone(s: unknown): PhoneResult {
  let t = normalizeText(s);
  let ext = '';
  const extMatch = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i.exec(t);
  if (extMatch) {
    t = extMatch[1]!;
    ext = extMatch[2]!;
  }
  let international = false;
  const intl = /^\(?(?:\+\s*86|0086)\)?[\s-]*/.exec(t);
  if (intl) {
    t = t.slice(intl[0].length);
    international = true;
  }
  let digits = t.replace(/[\s\-().]/g, '');
  if (!/^\d+$/.test(digits)) return fail(PHONE_MESSAGE);
  if (!international && /^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2);
  if (/^1[3-9]\d{9}$/.test(digits) && !ext) return { ok: true, value: digits, kind: 'mobile' };
  if (international && !digits.startsWith('0')) digits = `0${digits}`; // +86 579 … drops the trunk 0
  const suffix = ext ? `-${ext}` : '';
  // Respect the person's own split between area code and number when they wrote one.
  const split = /^(0\d{2,3})[\s\-)]+([2-9]\d{6,7})$/.exec(t.replace(/^\(/, ''));
  if (split && !international) return { ok: true, value: `${split[1]}-${split[2]}${suffix}`, kind: 'landline' };
  if (digits.startsWith('0')) {
    // 010 and 02x are the only three-digit area codes; all others have four digits.
    const areaLength = /^0[12]/.test(digits) ? 3 : 4;
    const area = digits.slice(0, areaLength);
    const local = digits.slice(areaLength);
    if (/^[2-9]\d{6,7}$/.test(local)) return { ok: true, value: `${area}-${local}${suffix}`, kind: 'landline' };
    return fail(PHONE_MESSAGE);
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) return { ok: true, value: `${digits}${suffix}`, kind: 'landline' };
  return fail(PHONE_MESSAGE);
}

// ---------------------------------------------------------------------------------------------
// Masking for lists and exports

/** '330702199001011234' -> '3307**********1234': keeps the first and last four characters. */
export function maskIdNumber(s: string): string {
  if (s.length <= 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}

/** Mobile '13812345678' -> '138****5678'; landline '0579-82345678' -> '0579-****5678' (extension dropped). */
export function maskPhone(s: string): string {
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  const landline = /^(0\d{2,3})-(\d+)(?:-\d+)?$/.exec(s);
  if (landline) return `${landline[1]}-${maskTail(landline[2]!)}`;
  return maskTail(s.replace(/-\d+$/, ''));
}

const maskTail = (s: string): string => (s.length <= 4 ? '*'.repeat(s.length) : '*'.repeat(s.length - 4) + s.slice(-4));

// ---------------------------------------------------------------------------------------------
// Pinyin search keys

/**
 * Search keys for a name: initials ('zs') and full pinyin ('zhangsan'), lower-case ASCII.
 * Surname mode applies to the head of the name only, so 单雄信 is shan… and 曾国 is zeng…, while
 * 张单 keeps the common reading (zhangdan). ü is written v (lv), as people type it.
 * Latin letters and digits in a name are kept as typed (lower-cased); other symbols are dropped.
 */
export function pinyinKeys(name: string): { initials: string; full: string } {
  const clean = normalizeName(name);
  const options = { toneType: 'none', type: 'array', mode: 'surname', surname: 'head', v: true, nonZh: 'consecutive' } as const;
  const keep = (parts: string[]) => parts.map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, '')).join('');
  return {
    initials: keep(pinyin(clean, { ...options, pattern: 'first' })),
    full: keep(pinyin(clean, { ...options, pattern: 'pinyin' })),
  };
}

// ---------------------------------------------------------------------------------------------
// Enumerations typed as their Chinese labels

const compact = (v: unknown) => normalizeText(v).replace(/\s/g, '').toLowerCase();
/** An own entry only: typed text like 'constructor' must not find Object.prototype members. */
const lookup = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const GENDER_WORDS: Record<string, Gender> = { 男: 'male', 男性: 'male', male: 'male', m: 'male', 女: 'female', 女性: 'female', female: 'female', f: 'female' };

export function parseGender(v: unknown): Parsed<Gender> {
  const g = lookup(GENDER_WORDS, compact(v));
  return g ? ok(g) : fail('性别应为“男”或“女”');
}

const CATEGORY_WORDS: Record<string, MemberCategory> = {
  正式党员: 'full', 正式: 'full', full: 'full',
  预备党员: 'probationary', 预备: 'probationary', probationary: 'probationary',
};

export function parseCategory(v: unknown): Parsed<MemberCategory> {
  const c = lookup(CATEGORY_WORDS, compact(v));
  return c ? ok(c) : fail('党员类别应为“正式党员”或“预备党员”');
}

// Common ways of writing a level of education, mapped to the fixed list (EDUCATIONS).
const EDUCATION_SYNONYMS: Record<string, Education> = {
  研究生: '研究生', 硕士: '研究生', 博士: '研究生', 硕士研究生: '研究生', 博士研究生: '研究生',
  大学本科: '大学本科', 本科: '大学本科', 学士: '大学本科',
  大学专科: '大学专科', 专科: '大学专科', 大专: '大学专科', 高职: '大学专科',
  中专: '中专', 中技: '中专', 中等专科: '中专',
  高中: '高中',
  初中及以下: '初中及以下', 初中: '初中及以下', 小学: '初中及以下',
};

export function parseEducation(v: unknown): Parsed<Education> {
  const key = compact(v).replace(/(学历|毕业|文化)$/, '');
  const e = lookup(EDUCATION_SYNONYMS, key);
  return e ? ok(e) : fail(`学历应为以下之一：${EDUCATIONS.join('、')}`);
}

// The 56 recognized ethnic groups, so '汉' and '汉族' are stored the same way.
const ETHNIC_GROUPS = new Set(
  ('汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
    '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 ' +
    '塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺').split(' '),
);

/** '汉' -> '汉族'; anything else (including unlisted values) is kept as typed, without spaces. */
export function normalizeEthnicity(v: unknown): string {
  const t = normalizeText(v).replace(/\s/g, '');
  return ETHNIC_GROUPS.has(t) ? `${t}族` : t;
}
