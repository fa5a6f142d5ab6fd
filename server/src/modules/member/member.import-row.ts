// Validation of one spreadsheet row of the member import. Pure: the organization is returned as
// text and resolved against the database by the caller, so this runs without I/O and is easy to test.
import type { Education, Gender, MemberCategory } from '../../../../contracts/enums.js';
import { MEMBER_XLSX_COLUMNS, type MemberXlsxKey } from '../../../../contracts/limits.js';
import type { ImportProblem } from '../../../../contracts/schemas.js';
import {
  addYears, cellText, localToday, normalizeEthnicity, normalizeName, normalizePhone, normalizeText,
  parseCategory, parseDate, parseEducation, parseGender, validateIdNumber,
} from './member.normalize.js';

export interface ParsedImportRow {
  name: string;
  gender: Gender;
  ethnicity: string | null;
  /** Always known: when the cell is empty it comes from the ID number. */
  birthDate: string;
  idNumber: string;
  phone: string | null;
  education: Education | null;
  joinDate: string;
  category: MemberCategory;
  probationStart: string | null;
  probationEnd: string | null;
  /** Normalized with normalizeText; compare it with normalizeText(org.name) (or a code) when resolving. */
  orgText: string;
  post: string | null;
}

export type ImportRowCells = Partial<Record<MemberXlsxKey, unknown>>;

export interface ImportRowResult {
  /** Present only when the row has no problems: every problem blocks the row. */
  value?: ParsedImportRow;
  problems: ImportProblem[];
}

const COLUMN_ORDER = new Map<string, number>(MEMBER_XLSX_COLUMNS.map((c, i) => [c.header, i]));
const HEADER = Object.fromEntries(MEMBER_XLSX_COLUMNS.map((c) => [c.key, c.header])) as Record<MemberXlsxKey, string>;
// Echoed values are capped so a pasted essay in one cell does not bloat the job's problem list.
const MAX_ECHO = 100;
const LIMITS = { name: 50, ethnicity: 20, org: 100, post: 50 } as const;

const length = (s: string) => [...s].length; // code points, so rare characters outside the BMP count once

/**
 * Checks one data row and reports every problem found, in column order, so a person can fix the row
 * in one pass. `rowNumber` is the Excel row number shown to people. `opts.today` (YYYY-MM-DD, default:
 * the server's local date) bounds dates that cannot lie in the future.
 */
export function validateImportRow(rowNumber: number, cells: ImportRowCells, opts: { today?: string } = {}): ImportRowResult {
  const today = opts.today ?? localToday();
  const problems: ImportProblem[] = [];
  const report = (key: MemberXlsxKey, message: string) => {
    problems.push({ row: rowNumber, column: HEADER[key], value: cellText(cells[key]).trim().slice(0, MAX_ECHO), message });
  };
  const text = (key: MemberXlsxKey) => normalizeText(cells[key]);
  const present = (key: MemberXlsxKey) => text(key) !== '';

  for (const c of MEMBER_XLSX_COLUMNS) if (c.required && !present(c.key)) report(c.key, '必填项为空');

  const name = normalizeName(cells.name);
  if (name && length(name) > LIMITS.name) report('name', `姓名不能超过${LIMITS.name}个字`);

  const gender = present('gender') ? parseGender(cells.gender) : null;
  if (gender && !gender.ok) report('gender', gender.message);

  const ethnicity = normalizeEthnicity(cells.ethnicity) || null;
  if (ethnicity && length(ethnicity) > LIMITS.ethnicity) report('ethnicity', `民族不能超过${LIMITS.ethnicity}个字`);

  // An 18-digit ID typed into a General cell becomes a float and loses its last digits for good.
  const rawId = cells.idNumber;
  const id = !present('idNumber')
    ? null
    : typeof rawId === 'number' && rawId > Number.MAX_SAFE_INTEGER
      ? ({ ok: false, message: '身份证号被Excel存成了数字，末几位已丢失；请把该列设为“文本”格式后重新填写' } as const)
      : validateIdNumber(rawId, today);
  if (id && !id.ok) report('idNumber', id.message);
  const idOk = id?.ok ? id : null;

  if (gender?.ok && idOk && gender.value !== idOk.gender) report('gender', '性别与身份证号不一致');

  let birthDate = idOk?.birthDate ?? null;
  if (present('birthDate')) {
    const b = parseDate(cells.birthDate);
    if (!b.ok) report('birthDate', b.message);
    else if (idOk && b.value !== idOk.birthDate) report('birthDate', `出生日期与身份证号不一致（身份证号中为 ${idOk.birthDate}）`);
    else if (b.value > today) report('birthDate', '出生日期不能晚于今天');
    else birthDate = b.value;
  }

  const phone = present('phone') ? normalizePhone(cells.phone) : null;
  if (phone && !phone.ok) report('phone', phone.message);

  const education = present('education') ? parseEducation(cells.education) : null;
  if (education && !education.ok) report('education', education.message);

  const join = present('joinDate') ? parseDate(cells.joinDate) : null;
  if (join && !join.ok) report('joinDate', join.message);
  if (join?.ok) {
    if (join.value > today) report('joinDate', '入党日期不能晚于今天');
    if (birthDate && join.value < birthDate) report('joinDate', '入党日期早于出生日期');
    // Compared as strings, so a 02-29 birthday needs no special case (2008-02-29 -> '2026-02-29').
    else if (birthDate && join.value < `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`) report('joinDate', '入党时未满18周岁');
  }

  const category = present('category') ? parseCategory(cells.category) : null;
  if (category && !category.ok) report('category', category.message);

  const start = present('probationStart') ? parseDate(cells.probationStart) : null;
  if (start && !start.ok) report('probationStart', start.message);
  if (!start && category?.ok && category.value === 'probationary') report('probationStart', '预备党员须填写预备期开始日期');
  if (start?.ok) {
    if (start.value > today) report('probationStart', '预备期开始日期不能晚于今天');
    // The probation starts on the day the branch meeting admits the member, which is the join date.
    if (join?.ok && start.value < join.value) report('probationStart', '预备期开始日期早于入党日期');
  }
  const end = present('probationEnd') ? parseDate(cells.probationEnd) : null;
  if (end && !end.ok) report('probationEnd', end.message);
  if (end?.ok && start?.ok && end.value <= start.value) report('probationEnd', '预备期结束日期应晚于开始日期');
  // A probation lasts one year unless extended; an extension is what an explicit end date records.
  const probationEnd = end?.ok ? end.value : start?.ok ? addYears(start.value, 1) : null;

  const orgText = text('org');
  if (length(orgText) > LIMITS.org) report('org', `所在党组织名称不能超过${LIMITS.org}个字`);

  const post = text('post') || null;
  if (post && length(post) > LIMITS.post) report('post', `职务不能超过${LIMITS.post}个字`);

  problems.sort((a, b) => COLUMN_ORDER.get(a.column)! - COLUMN_ORDER.get(b.column)!); // stable: same-column order kept
  if (problems.length > 0 || !gender?.ok || !idOk || !birthDate || !join?.ok || !category?.ok) return { problems };
  return {
    problems,
    value: {
      name,
      gender: gender.value,
      ethnicity,
      birthDate,
      idNumber: idOk.value,
      phone: phone?.ok ? phone.value : null,
      education: education?.ok ? education.value : null,
      joinDate: join.value,
      category: category.value,
      probationStart: start?.ok ? start.value : null,
      probationEnd,
      orgText,
      post,
    },
  };
}
