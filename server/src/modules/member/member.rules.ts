// The one place that turns submitted member facts into a stored row (validation, encryption, search keys).
import type { NewMember } from '../../platform/db/types.js';
import type { Cipher } from '../../platform/crypto.js';
import { badInput } from '../../platform/errors.js';
import { addDays, addMonths } from '../../platform/clock.js';
import { maskIdNumber, maskPhone, normalizeName, normalizePhone, pinyinKeys, validateIdNumber } from './member.normalize.js';

export interface MemberFacts {
  name: string; gender: string; ethnicity?: string | null; birthDate?: string | null; idNumber: string; phone?: string | null;
  education?: string | null; joinDate: string; category: string; probationStart?: string | null; probationEnd?: string | null; post?: string | null;
}

const validDate = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Validates facts and returns the columns to store; throws a 400 listing every problem. */
export function memberColumns(f: MemberFacts, cipher: Cipher, today: string): Omit<NewMember, 'org_id' | 'root_id' | 'status' | 'created_at' | 'updated_at' | 'version'> {
  const problems: { field: string; message: string }[] = [];
  const name = normalizeName(f.name);
  if (!name) problems.push({ field: 'name', message: '姓名不能为空' });
  const id = validateIdNumber(f.idNumber);
  if (!id.ok) problems.push({ field: 'idNumber', message: id.message });
  let phone: string | null = null;
  if (f.phone && f.phone.trim()) {
    const p = normalizePhone(f.phone);
    if (p.ok) phone = p.value; else problems.push({ field: 'phone', message: p.message });
  }
  for (const [field, v] of [['birthDate', f.birthDate], ['joinDate', f.joinDate], ['probationStart', f.probationStart], ['probationEnd', f.probationEnd]] as const) {
    if (v && !validDate(v)) problems.push({ field, message: `日期“${v}”不存在` });
  }
  const birthDate = f.birthDate || (id.ok ? id.birthDate : null);
  if (id.ok && f.birthDate && f.birthDate !== id.birthDate) problems.push({ field: 'birthDate', message: '出生日期与身份证号不一致' });
  if (id.ok && f.gender !== id.gender) problems.push({ field: 'gender', message: '性别与身份证号不一致' });
  if (f.joinDate > today) problems.push({ field: 'joinDate', message: '入党日期不能晚于今天' });
  if (birthDate && f.joinDate && f.joinDate < addMonths(birthDate, 18 * 12)) problems.push({ field: 'joinDate', message: '入党时未满18周岁' });
  let probationStart: string | null = null;
  let probationEnd: string | null = null;
  if (f.category === 'probationary') {
    probationStart = f.probationStart || f.joinDate;
    probationEnd = f.probationEnd || addDays(addMonths(probationStart, 12), 0);
    if (probationEnd <= probationStart) problems.push({ field: 'probationEnd', message: '预备期结束日期应晚于开始日期' });
  }
  if (problems.length) throw badInput(problems[0].message, problems);
  const idNumber = (id as { value: string }).value;
  const keys = pinyinKeys(name);
  return {
    name, name_initials: keys.initials, name_pinyin: keys.full, gender: f.gender, ethnicity: f.ethnicity?.trim() || null,
    birth_date: birthDate, id_number_enc: cipher.encrypt(idNumber), id_number_hash: cipher.blindIndex(idNumber),
    id_number_masked: maskIdNumber(idNumber), phone_enc: phone ? cipher.encrypt(phone) : null, phone_masked: phone ? maskPhone(phone) : null,
    education: f.education?.trim() || null, join_date: f.joinDate, category: f.category, probation_start: probationStart,
    probation_end: probationEnd, post: f.post?.trim() || null,
  };
}
