// Standard packs: load and validate the JSON files in standards/ (format: contracts/standard.ts and
// standards/README.md), and the pure functions that give a pack its meaning (conditions, tier derivation,
// a tier's wall list). A bad pack is rejected with EVERY problem listed, each naming the file, the item and
// the problem in Chinese, with the English field path.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import {
  AUTOMATIC_CHECK_TYPES, BASE_FACTS, CHECK_PARAMS, CODE_PATTERN, CONDITION_MAX_DEPTH, CONDITION_OPERATORS, DATE_PATTERN,
  REQUIREMENT_CODE_PATTERN, ROOM_KIND_LABELS, ROOM_KINDS, SEMVER_PATTERN, SLUG_PATTERN, StandardPack, WALL_REF_PATTERN,
  type AutomaticCheckType, type BaseFacts, type Condition, type FactSpec, type Requirement,
} from '../../../../contracts/standard.js';
import { AppError } from '../../platform/errors.js';
import { ROOT_DIR } from '../../platform/paths.js';

/** The standards/ directory of this repository. */
export const STANDARDS_DIR = path.join(ROOT_DIR, 'standards/');

// ---------------------------------------------------------------------------------------------
// Problems and the error that carries them
// ---------------------------------------------------------------------------------------------

export interface PackProblem {
  /** File name as given to the loader (the base name for files read from disk). */
  file: string;
  /** The item, as people read it: '要求 T1-PHY-02', '上墙内容 W03', 'wallItems[3]', '标准信息 pack'. */
  item: string;
  /** JSON path of the field: 'requirements[1].essential'. */
  path: string;
  /** The whole line: file, item, field and problem. */
  message: string;
}

export class StandardPackError extends AppError {
  constructor(readonly problems: PackProblem[]) {
    super(
      'VALIDATION',
      400,
      `标准包校验未通过，共 ${problems.length} 个问题：\n${problems.map((p) => p.message).join('\n')}`,
      problems.map((p) => ({ field: p.path, message: p.message })),
    );
    this.name = 'StandardPackError';
  }
}

type Seg = string | number;
type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const show = (v: unknown) => (typeof v === 'string' ? `“${v}”` : JSON.stringify(v));
const list = (xs: readonly unknown[]) => xs.map(String).join('、');

/** 'requirements[1].checks[0].params' */
export function formatPath(segs: readonly Seg[]): string {
  let out = '';
  for (const s of segs) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

const SECTIONS: Record<string, { key: 'code' | 'tier'; label: (root: Json) => string }> = {
  essentials: { key: 'code', label: (r) => labelOf(r, 'essentialsLabel', '要素') },
  platforms: { key: 'code', label: (r) => labelOf(r, 'platformsLabel', '平台') },
  tiers: { key: 'tier', label: () => '阵地类别' },
  wallItems: { key: 'code', label: () => '上墙内容' },
  requirements: { key: 'code', label: () => '要求' },
};
function labelOf(root: Json, key: string, fallback: string) {
  const pack = root.pack;
  const v = isObj(pack) ? pack[key] : undefined;
  return typeof v === 'string' && v ? v : fallback;
}

class Problems {
  readonly list: PackProblem[] = [];
  private readonly seen = new Set<string>();
  constructor(
    readonly file: string,
    private readonly root: unknown,
  ) {}

  add(segs: readonly Seg[], problem: string) {
    const { item, field } = this.locate(segs);
    const message = `${this.file}：${item}${field ? `${item.endsWith('）') ? '' : ' '}的 ${field}` : ''} ${problem}`;
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.list.push({ file: this.file, item, path: formatPath(segs), message });
  }

  private locate(segs: readonly Seg[]): { item: string; field: string } {
    const root = isObj(this.root) ? this.root : {};
    const [section, index, ...rest] = segs;
    if (section === 'pack') return { item: '标准信息 pack', field: formatPath(segs.slice(1)) };
    if (section === 'tierRule') return { item: '定类规则 tierRule', field: formatPath(segs.slice(1)) };
    const spec = typeof section === 'string' ? SECTIONS[section] : undefined;
    if (spec && typeof index === 'number') {
      const entries = arr(root[section as string]);
      const entry = entries[index];
      const id = isObj(entry) ? entry[spec.key] : undefined;
      const named = (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isInteger(id));
      // A duplicated code does not name one item: add the index.
      const dup = named && entries.filter((e) => isObj(e) && e[spec.key] === id).length > 1;
      const item = named
        ? `${spec.label(root)} ${id}${dup ? `（${section as string}[${index}]）` : ''}`
        : `${section as string}[${index}]`;
      return { item, field: formatPath(rest) };
    }
    return { item: '标准包', field: formatPath(segs) };
  }
}

// ---------------------------------------------------------------------------------------------
// Schema errors (TypeBox) in Chinese
// ---------------------------------------------------------------------------------------------

const TYPE_LABELS: Record<string, string> = {
  string: '字符串', integer: '整数', number: '数字', boolean: '布尔值 true 或 false', array: '数组', object: '对象', null: 'null',
};
const PATTERN_HINTS: Record<string, string> = {
  [DATE_PATTERN]: '应为 YYYY-MM-DD 格式的日期，如 2016-06-30',
  [SLUG_PATTERN]: '应为小写字母、数字和连字符，如 jinhua-2015',
  [SEMVER_PATTERN]: '应为语义化版本号，如 1.0.0',
  [CODE_PATTERN]: '应以英文字母开头，只含字母、数字、_ 和 -',
  [WALL_REF_PATTERN]: '应为上墙内容编号（如 W01）或它的组成部分（如 W01.flag）',
  [REQUIREMENT_CODE_PATTERN]: '应为大写字母、数字和连字符组成的编号，如 T1-PHY-01',
  '^https?://[^\\s]+$': '应为 http:// 或 https:// 开头的网址',
};
const COMPARISONS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

interface SchemaError { keyword: string; schemaPath: string; instancePath: string; params: Record<string, unknown>; message: string }

/** '/requirements/1/essential' -> ['requirements', 1, 'essential'], numbers where the value is an array. */
function pointerToSegs(root: unknown, pointer: string): Seg[] {
  if (!pointer) return [];
  const segs: Seg[] = [];
  let cur: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg: Seg = Array.isArray(cur) && /^\d+$/.test(key) ? Number(key) : key;
    segs.push(seg);
    cur = cur == null ? undefined : (cur as Record<string, unknown>)[seg as string];
  }
  return segs;
}
function valueAt(root: unknown, segs: readonly Seg[]): unknown {
  let cur = root;
  for (const s of segs) cur = cur == null || typeof cur !== 'object' ? undefined : (cur as Record<string, unknown>)[s as string];
  return cur;
}

/** The sub-schema at a TypeBox schemaPath ('#/properties/requirements/items'). */
function schemaAt(schema: TSchema, schemaPath: string): { properties?: Record<string, unknown> } | undefined {
  let cur: unknown = schema;
  for (const key of schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (!isObj(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return isObj(cur) ? (cur as { properties?: Record<string, unknown> }) : undefined;
}

/** Report a value's schema errors at `base`, skipping any error under a path `skip` accepts. */
function reportSchemaErrors(
  schema: TSchema, value: unknown, base: readonly Seg[], problems: Problems, skip: (segs: Seg[]) => boolean = () => false,
) {
  for (const e of Value.Errors(schema, value) as unknown as SchemaError[]) {
    if (e.keyword === 'boolean' && e.schemaPath.endsWith('/additionalProperties')) continue; // reported as additionalProperties
    const segs = pointerToSegs(value, e.instancePath);
    if (skip(segs)) continue;
    const at = [...base, ...segs];
    const v = valueAt(value, segs);
    const p = e.params;
    switch (e.keyword) {
      case 'required':
        for (const name of arr(p.requiredProperties)) problems.add([...at, String(name)], '缺失（必填字段）');
        break;
      case 'additionalProperties': {
        const known = Object.keys(schemaAt(schema, e.schemaPath)?.properties ?? {});
        for (const name of arr(p.additionalProperties)) {
          const near = known.find((k) => k.toLowerCase() === String(name).toLowerCase() || k === `${String(name)}s`);
          problems.add([...at, String(name)], `是未知字段：本格式没有这个字段，${near ? `是不是 ${near}？` : '请删除或检查拼写'}`);
        }
        break;
      }
      case 'type':
        problems.add(at, `应为${TYPE_LABELS[String(p.type)] ?? String(p.type)}，现为 ${show(v)}`);
        break;
      case 'enum':
        problems.add(at, `${show(v)} 不是允许的取值（可选：${list(arr(p.allowedValues))}）`);
        break;
      case 'const':
        problems.add(at, `应为 ${JSON.stringify(p.allowedValue)}，现为 ${show(v)}`);
        break;
      case 'pattern':
        problems.add(at, `${show(v)} 格式不对：${PATTERN_HINTS[String(p.pattern)] ?? `应符合 ${String(p.pattern)}`}`);
        break;
      case 'minLength':
        problems.add(at, p.limit === 1 ? '不能为空' : `至少 ${String(p.limit)} 个字符`);
        break;
      case 'maxLength':
        problems.add(at, `最多 ${String(p.limit)} 个字符，现有 ${typeof v === 'string' ? v.length : '?'} 个`);
        break;
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
        problems.add(at, `应 ${COMPARISONS[String(p.comparison)] ?? String(p.comparison)} ${String(p.limit)}，现为 ${show(v)}`);
        break;
      case 'minItems':
        problems.add(at, `至少要有 ${String(p.limit)} 项`);
        break;
      case 'maxItems':
        problems.add(at, `最多 ${String(p.limit)} 项`);
        break;
      case 'uniqueItems':
        problems.add(at, `有重复的项：${list(arr(p.duplicateItems).map((i) => show(arr(v)[Number(i)])))}`);
        break;
      default:
        problems.add(at, `不符合格式（${e.message}）`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

const COMPARISON_OPS = ['equals', 'in', 'atLeast', 'atMost', 'exists'] as const;
const COMBINATOR_OPS = ['all', 'any', 'not'] as const;
const CONDITION_HINT = '条件应为 { "fact": 事实名, 加 equals / in / atLeast / atMost / exists 之一 }，或 { "all": [...] } / { "any": [...] } / { "not": {...} }';

const factSpec = (name: unknown): FactSpec | undefined =>
  typeof name === 'string' && Object.hasOwn(BASE_FACTS, name) ? (BASE_FACTS as Record<string, FactSpec>)[name] : undefined;
type NumericSpec = Extract<FactSpec, { type: 'integer' | 'number' }>;
const isNumericSpec = (s: FactSpec): s is NumericSpec => s.type === 'integer' || s.type === 'number';
function typeLabel(s: FactSpec): string {
  switch (s.type) {
    case 'enum': return `取值为 ${list(s.values)} 之一的枚举`;
    case 'boolean': return '布尔值';
    case 'integer': return '整数';
    case 'number': return '数值';
    case 'string': return '字符串';
  }
}
function unknownFact(name: unknown): string {
  const prefix = typeof name === 'string' ? name.split('.')[0] : '';
  const near = Object.keys(BASE_FACTS).filter((f) => prefix && f.split('.')[0] === prefix);
  return `${show(name)} 不是已知的阵地事实（BASE_FACTS 中没有它${near.length ? `；同类的有：${list(near)}` : ''}）`;
}

/** Does `v` fit the fact's value type? Returns the problem, or null. */
function valueProblem(fact: string, spec: FactSpec, v: unknown): string | null {
  switch (spec.type) {
    case 'enum':
      if (typeof v === 'string' && spec.values.includes(v)) return null;
      return `${show(v)} 不是 ${fact} 的取值（可选：${list(spec.values)}）`;
    case 'boolean':
      return typeof v === 'boolean' ? null : `应为 true 或 false（${fact} 是布尔值），现为 ${show(v)}`;
    case 'string':
      return typeof v === 'string' ? null : `应为字符串（${fact} 是字符串），现为 ${show(v)}`;
    case 'integer':
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v) || (spec.type === 'integer' && !Number.isInteger(v)))
        return `应为${spec.type === 'integer' ? '整数' : '数字'}（${fact} 是${typeLabel(spec)}），现为 ${show(v)}`;
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max))
        return `${show(v)} 超出 ${fact} 的取值范围（${spec.min ?? '-∞'}–${spec.max ?? '∞'}${spec.unit ?? ''}）`;
      return null;
    }
  }
}

/** Check one condition: operators, nesting, facts and value types. Returns true when it is sound. */
function checkCondition(cond: unknown, at: readonly Seg[], problems: Problems, depth = 1): boolean {
  if (!isObj(cond)) {
    problems.add(at, `应为条件对象，现为 ${show(cond)}；${CONDITION_HINT}`);
    return false;
  }
  if (depth > CONDITION_MAX_DEPTH) {
    problems.add(at, `嵌套超过 ${CONDITION_MAX_DEPTH} 层`);
    return false;
  }
  let ok = true;
  const keys = Object.keys(cond);
  const ops = keys.filter((k) => (CONDITION_OPERATORS as readonly string[]).includes(k));
  const combinator = ops.length === 1 && (COMBINATOR_OPS as readonly string[]).includes(ops[0]);
  for (const k of keys) {
    if (ops.includes(k) || (k === 'fact' && !combinator)) continue;
    problems.add([...at, k], `不是条件的写法；${CONDITION_HINT}`);
    ok = false;
  }
  if (ops.length !== 1) {
    problems.add(at, ops.length === 0
      ? `没有运算；${CONDITION_HINT}`
      : `同时用了 ${list(ops)}：一个条件只能有一种运算，多个条件请放进 all 或 any`);
    return false;
  }
  const op = ops[0];
  const v = cond[op];
  if (op === 'all' || op === 'any') {
    if (!Array.isArray(v) || v.length === 0) {
      problems.add([...at, op], `应为至少含一个条件的数组，现为 ${show(v)}`);
      return false;
    }
    v.forEach((c, i) => { ok = checkCondition(c, [...at, op, i], problems, depth + 1) && ok; });
    return ok;
  }
  if (op === 'not') return checkCondition(v, [...at, 'not'], problems, depth + 1) && ok;

  // comparisons
  const fact = cond.fact;
  if (fact === undefined) {
    problems.add([...at, 'fact'], `缺失：${op} 要和 fact 一起用`);
    return false;
  }
  const spec = factSpec(fact);
  if (!spec) {
    problems.add([...at, 'fact'], unknownFact(fact));
    return false;
  }
  const name = fact as string;
  const bad = (segs: readonly Seg[], problem: string | null) => {
    if (problem) { problems.add(segs, problem); ok = false; }
  };
  switch (op) {
    case 'equals':
      bad([...at, 'equals'], valueProblem(name, spec, v));
      break;
    case 'in':
      if (!Array.isArray(v) || v.length === 0) bad([...at, 'in'], `应为至少含一个取值的数组，现为 ${show(v)}`);
      else v.forEach((x, i) => bad([...at, 'in', i], valueProblem(name, spec, x)));
      break;
    case 'atLeast':
    case 'atMost':
      if (!isNumericSpec(spec)) {
        bad([...at, op], `只能用于数值事实，而 ${name} 是${typeLabel(spec)}`);
      } else if (isObj(v)) {
        const other = v.fact;
        const extra = Object.keys(v).filter((k) => k !== 'fact');
        const otherSpec = factSpec(other);
        if (extra.length || other === undefined) bad([...at, op], `应为数字或 { "fact": 数值事实名 }，现为 ${show(v)}`);
        else if (!otherSpec) bad([...at, op, 'fact'], unknownFact(other));
        else if (!isNumericSpec(otherSpec)) bad([...at, op, 'fact'], `${show(other)} 不是数值事实（它是${typeLabel(otherSpec)}），不能和 ${name} 比大小`);
      } else if (typeof v !== 'number' || !Number.isFinite(v)) {
        bad([...at, op], `应为数字或 { "fact": 数值事实名 }，现为 ${show(v)}`);
      } else if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
        bad([...at, op], `${v} 超出 ${name} 的取值范围（${spec.min ?? '-∞'}–${spec.max ?? '∞'}${spec.unit ?? ''}），这个条件不会按原意成立`);
      }
      break;
    case 'exists':
      bad([...at, 'exists'], typeof v === 'boolean' ? null : `应为 true 或 false，现为 ${show(v)}`);
      break;
  }
  return ok;
}

type Truth = boolean | null; // null: unknown (a fact the profile lacks)

function evaluate(cond: Condition, facts: Readonly<Record<string, unknown>>): Truth {
  if ('all' in cond) {
    let result: Truth = true;
    for (const c of cond.all) {
      const r = evaluate(c, facts);
      if (r === false) return false;
      if (r === null) result = null;
    }
    return result;
  }
  if ('any' in cond) {
    let result: Truth = false;
    for (const c of cond.any) {
      const r = evaluate(c, facts);
      if (r === true) return true;
      if (r === null) result = null;
    }
    return result;
  }
  if ('not' in cond) {
    const r = evaluate(cond.not, facts);
    return r === null ? null : !r;
  }
  const value = facts[cond.fact];
  if ('exists' in cond) return value === undefined ? null : (value !== null) === cond.exists;
  if (value === undefined || value === null) return null;
  if ('equals' in cond) return value === cond.equals;
  if ('in' in cond) return cond.in.includes(value as string | number | boolean);
  const bound = 'atLeast' in cond ? cond.atLeast : cond.atMost;
  const limit = typeof bound === 'number' ? bound : facts[bound.fact];
  if (limit === undefined || limit === null) return null;
  if (typeof value !== 'number' || typeof limit !== 'number') return false;
  return 'atLeast' in cond ? value >= limit : value <= limit;
}

/** Three-valued: true or false when the facts decide the condition, null when a fact it needs is missing. */
export function evaluateKnown(cond: Condition, facts: BaseFacts | Readonly<Record<string, unknown>>): boolean | null {
  return evaluate(cond, facts as Readonly<Record<string, unknown>>);
}

/**
 * Does the condition hold for these base facts? A comparison on a fact the profile lacks is false
 * (so `not` of it is true); `{ fact, exists: false }` holds exactly when the fact is missing.
 */
export function evaluateCondition(cond: Condition, facts: BaseFacts | Readonly<Record<string, unknown>>): boolean {
  return evaluateTwoValued(cond, facts as Readonly<Record<string, unknown>>);
}
function evaluateTwoValued(cond: Condition, facts: Readonly<Record<string, unknown>>): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluateTwoValued(c, facts));
  if ('any' in cond) return cond.any.some((c) => evaluateTwoValued(c, facts));
  if ('not' in cond) return !evaluateTwoValued(cond.not, facts);
  if ('exists' in cond) return (facts[cond.fact] !== undefined && facts[cond.fact] !== null) === cond.exists;
  return evaluate(cond, facts) === true; // a comparison: unknown counts as false
}

/** The tier these facts give under the pack's rule: the first tier whose condition holds, else the fallback, else null. */
export function deriveTier(pack: StandardPack, facts: BaseFacts | Readonly<Record<string, unknown>>): number | null {
  for (const t of pack.tiers) if (t.when && evaluateCondition(t.when, facts)) return t.tier;
  return pack.tierRule.fallbackTier ?? null;
}

/** The wall contents a tier asks for: its own wallList if it has one, else the catalogue's items for the tier. */
export function tierWallList(pack: StandardPack, tier: number): { required: string[]; optional: string[] } {
  const t = pack.tiers.find((x) => x.tier === tier);
  if (t?.wallList) return { required: [...t.wallList], optional: [] };
  const items = pack.wallItems.filter((w) => w.tiers.includes(tier));
  return { required: items.filter((w) => w.required).map((w) => w.code), optional: items.filter((w) => !w.required).map((w) => w.code) };
}

/** The requirements that apply to a tier, in pack order. */
export function requirementsForTier(pack: StandardPack, tier: number): Requirement[] {
  return pack.requirements.filter((r) => r.tiers.includes(tier));
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const DATE_KEYS = ['issuedOn', 'effectiveFrom', 'effectiveTo', 'coverageDeadline'] as const;
function isValidDate(s: string): boolean {
  if (!new RegExp(DATE_PATTERN).test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Validate parsed JSON as a standard pack; returns it typed, or throws StandardPackError listing every problem. */
export function validatePack(json: unknown, fileName: string): StandardPack {
  const problems = new Problems(fileName, json);
  if (!isObj(json)) {
    problems.add([], `应为 JSON 对象（{ "format": 1, "pack": {...}, ... }），现为 ${Array.isArray(json) ? '数组' : show(json)}`);
    throw new StandardPackError(problems.list);
  }
  // Conditions and checks have their own, more precise checks below.
  const skip = (segs: Seg[]) =>
    (segs[0] === 'tiers' && typeof segs[1] === 'number' && segs[2] === 'when' && segs.length > 3) ||
    (segs[0] === 'requirements' && typeof segs[1] === 'number' && segs[2] === 'checks' && typeof segs[3] === 'number');
  reportSchemaErrors(StandardPack, json, [], problems, skip);
  checkSemantics(json, problems);
  if (problems.list.length) throw new StandardPackError(problems.list);
  return json as unknown as StandardPack;
}

function checkSemantics(root: Json, problems: Problems) {
  const pack = isObj(root.pack) ? root.pack : {};
  const essentials = arr(root.essentials).filter(isObj);
  const platforms = arr(root.platforms).filter(isObj);
  const tiers = arr(root.tiers);
  const wallItems = arr(root.wallItems);
  const requirements = arr(root.requirements);
  const tierRule = isObj(root.tierRule) ? root.tierRule : {};

  // -- dates
  const date: Partial<Record<(typeof DATE_KEYS)[number], string>> = {};
  for (const k of DATE_KEYS) {
    const v = pack[k];
    if (typeof v !== 'string' || !new RegExp(DATE_PATTERN).test(v)) continue; // the schema reports it
    if (isValidDate(v)) date[k] = v;
    else problems.add(['pack', k], `“${v}” 不是有效日期`);
  }
  if (date.coverageDeadline && date.effectiveFrom && date.coverageDeadline < date.effectiveFrom)
    problems.add(['pack', 'coverageDeadline'], `“${date.coverageDeadline}” 早于 effectiveFrom “${date.effectiveFrom}”：全覆盖期限不能早于施行日期`);
  if (date.effectiveTo && date.effectiveFrom && date.effectiveTo < date.effectiveFrom)
    problems.add(['pack', 'effectiveTo'], `“${date.effectiveTo}” 早于 effectiveFrom “${date.effectiveFrom}”`);
  if (date.effectiveTo && date.coverageDeadline && date.coverageDeadline > date.effectiveTo)
    problems.add(['pack', 'coverageDeadline'], `“${date.coverageDeadline}” 晚于 effectiveTo “${date.effectiveTo}”：标准失效后才到全覆盖期限`);

  // -- unique codes
  const unique = (section: string, entries: unknown[], key: string) => {
    const first = new Map<unknown, number>();
    entries.forEach((e, i) => {
      if (!isObj(e)) return;
      const v = e[key];
      if (typeof v !== 'string' && typeof v !== 'number') return;
      if (first.has(v)) problems.add([section, i, key], `${show(v)} 与 ${section}[${first.get(v)}] 重复：${key} 必须唯一`);
      else first.set(v, i);
    });
  };
  unique('essentials', arr(root.essentials), 'code');
  unique('platforms', arr(root.platforms), 'code');
  unique('tiers', tiers, 'tier');
  unique('wallItems', wallItems, 'code');
  unique('requirements', requirements, 'code');
  wallItems.forEach((w, i) => {
    if (!isObj(w)) return;
    const seen = new Map<unknown, number>();
    arr(w.parts).forEach((p, j) => {
      if (!isObj(p) || typeof p.code !== 'string') return;
      if (seen.has(p.code)) problems.add(['wallItems', i, 'parts', j, 'code'], `“${p.code}” 与 parts[${seen.get(p.code)}] 重复`);
      else seen.set(p.code, j);
    });
  });

  // -- what references may point at
  const essentialCodes = essentials.map((e) => e.code).filter((c): c is string => typeof c === 'string');
  const platformCodes = platforms.map((p) => p.code).filter((c): c is string => typeof c === 'string');
  const tierNos = tiers.filter(isObj).map((t) => t.tier).filter((n): n is number => Number.isInteger(n));
  const wallRefs = new Set<string>();
  for (const w of wallItems) {
    if (!isObj(w) || typeof w.code !== 'string') continue;
    wallRefs.add(w.code);
    for (const p of arr(w.parts)) if (isObj(p) && typeof p.code === 'string') wallRefs.add(`${w.code}.${p.code}`);
  }
  const essentialsLabel = labelOf(root, 'essentialsLabel', 'essentials');
  const platformsLabel = labelOf(root, 'platformsLabel', 'platforms');
  const tierList = tierNos.length ? list(tierNos) : '无';
  const checkTierRefs = (values: unknown, at: readonly Seg[]) =>
    arr(values).forEach((t, j) => {
      if (Array.isArray(root.tiers) && Number.isInteger(t) && !tierNos.includes(t as number))
        problems.add([...at, j], `${String(t)} 不是本标准的阵地类别（tiers 只有 ${tierList}）`);
    });
  // When a whole section is malformed the schema has said so; do not pile reference errors on top.
  const wallCatalogueOk = Array.isArray(root.wallItems);
  const checkWallRef = (ref: unknown, at: readonly Seg[]) => {
    if (wallCatalogueOk && typeof ref === 'string' && new RegExp(WALL_REF_PATTERN).test(ref) && !wallRefs.has(ref))
      problems.add(at, `“${ref}” 不是本标准的上墙内容${ref.includes('.') ? '或其组成部分（parts）' : ''}`);
  };

  // -- tiers
  const fallback = Number.isInteger(tierRule.fallbackTier) ? (tierRule.fallbackTier as number) : undefined;
  if (fallback !== undefined && !tierNos.includes(fallback))
    problems.add(['tierRule', 'fallbackTier'], `${fallback} 不是本标准的阵地类别（tiers 只有 ${tierList}）`);
  let conditionsSound = true;
  tiers.forEach((t, i) => {
    if (!isObj(t)) return;
    if (t.when === undefined) {
      if (t.tier !== fallback) {
        problems.add(['tiers', i, 'when'], '缺失：只有 tierRule.fallbackTier 指定的兜底类别可以不写条件');
        conditionsSound = false;
      }
    } else if (!checkCondition(t.when, ['tiers', i, 'when'], problems)) {
      conditionsSound = false;
    }
    if (Array.isArray(t.wallList)) {
      t.wallList.forEach((ref, j) => checkWallRef(ref, ['tiers', i, 'wallList', j]));
      const alsoListed = wallItems.filter((w) => isObj(w) && arr(w.tiers).includes(t.tier)).map((w) => String((w as Json).code));
      if (alsoListed.length)
        problems.add(['tiers', i, 'wallList'], `与 wallItems 冲突：上墙内容 ${list(alsoListed)} 的 tiers 也含 ${String(t.tier)}；一个类别的上墙清单只能写在一处`);
    }
  });

  // -- tier coverage: evaluated in order, every kind of activity room must reach a tier (or the fallback)
  if (conditionsSound && tiers.every(isObj)) {
    const ordered = tiers as Json[];
    const reachable = new Set<number>();
    for (const kind of ROOM_KINDS) {
      const facts = { 'activityRoom.kind': kind };
      let settled = false;
      ordered.forEach((t, i) => {
        if (settled || t.when === undefined) return;
        const r = evaluate(t.when as Condition, facts);
        if (r !== false) reachable.add(i);
        if (r === true) settled = true;
      });
      if (!settled && fallback === undefined)
        problems.add(['tierRule'], `按 tiers 的顺序判断，activityRoom.kind 为 “${kind}”（${ROOM_KIND_LABELS[kind]}）的阵地可能得不到任何类别：请补全各类别的 when 条件，或用 fallbackTier 指定兜底类别`);
    }
    ordered.forEach((t, i) => {
      if (t.when !== undefined && !reachable.has(i))
        problems.add(['tiers', i, 'when'], '永远不会成立：按顺序判断时，它的情形都已被前面的类别取走');
    });
  }

  // -- wall items
  wallItems.forEach((w, i) => {
    if (!isObj(w)) return;
    checkTierRefs(w.tiers, ['wallItems', i, 'tiers']);
    if (w.conditional !== undefined && w.required === true)
      problems.add(['wallItems', i, 'required'], '应为 false：有条件的（conditional）上墙内容不能是必选');
  });

  // -- requirements
  const requiredWall = (tier: number): string[] | null => {
    if (!wallCatalogueOk) return null;
    const t = tiers.find((x) => isObj(x) && x.tier === tier) as Json | undefined;
    if (t && Array.isArray(t.wallList)) return t.wallList as string[];
    return wallItems.filter((w) => isObj(w) && w.required === true && arr(w.tiers).includes(tier)).map((w) => String((w as Json).code));
  };
  requirements.forEach((r, i) => {
    if (!isObj(r)) return;
    if (Array.isArray(root.essentials) && typeof r.essential === 'string' && !essentialCodes.includes(r.essential))
      problems.add(['requirements', i, 'essential'], `“${r.essential}” 不在本标准的“${essentialsLabel}”中（可选：${list(essentialCodes)}）`);
    arr(r.platforms).forEach((p, j) => {
      if (Array.isArray(root.platforms) && typeof p === 'string' && !platformCodes.includes(p))
        problems.add(['requirements', i, 'platforms', j], `“${p}” 不在本标准的“${platformsLabel}”中（可选：${platformCodes.length ? list(platformCodes) : '无'}）`);
    });
    checkTierRefs(r.tiers, ['requirements', i, 'tiers']);
    if (r.conditional !== undefined && r.required === true)
      problems.add(['requirements', i, 'required'], '应为 false：有条件的要求（conditional）不能是必须项');
    if (Array.isArray(r.checks))
      r.checks.forEach((c, j) => checkCheck(c, ['requirements', i, 'checks', j], r, problems, { checkWallRef, requiredWall }));
  });

  // -- every tier has at least one requirement
  tiers.forEach((t, i) => {
    if (!isObj(t) || !Number.isInteger(t.tier)) return;
    if (!requirements.some((r) => isObj(r) && arr(r.tiers).includes(t.tier)))
      problems.add(['tiers', i], `没有任何要求：requirements 中没有一条的 tiers 含 ${String(t.tier)}`);
  });
}

const CHECK_KEYS = ['type', 'params', 'note'];
function checkCheck(
  check: unknown,
  at: readonly Seg[],
  requirement: Json,
  problems: Problems,
  ctx: { checkWallRef: (ref: unknown, at: readonly Seg[]) => void; requiredWall: (tier: number) => string[] | null },
) {
  if (!isObj(check)) {
    problems.add(at, `应为 { "type": 核验类型, "params": {...} }，现为 ${show(check)}`);
    return;
  }
  for (const k of Object.keys(check))
    if (!CHECK_KEYS.includes(k)) problems.add([...at, k], '是未知字段：自动核验只有 type、params、note');
  if (check.note !== undefined && typeof check.note !== 'string') problems.add([...at, 'note'], `应为字符串，现为 ${show(check.note)}`);
  const type = check.type;
  if (type === undefined) problems.add([...at, 'type'], '缺失（必填字段）');
  else if (typeof type !== 'string' || !(AUTOMATIC_CHECK_TYPES as readonly string[]).includes(type))
    problems.add([...at, 'type'], `${show(type)} 不是已知的自动核验类型（可用：${list(AUTOMATIC_CHECK_TYPES)}）`);
  const params = check.params;
  if (params === undefined) {
    problems.add([...at, 'params'], '缺失（必填字段；没有参数时写 {}）');
    return;
  }
  if (typeof type !== 'string' || !(AUTOMATIC_CHECK_TYPES as readonly string[]).includes(type)) return;
  const t = type as AutomaticCheckType;
  const schema: TSchema = CHECK_PARAMS[t];
  const underWhen = (segs: Seg[]) => t === 'factsHold' && segs[0] === 'when';
  reportSchemaErrors(schema, params, [...at, 'params'], problems, underWhen);
  if (!isObj(params)) return;
  switch (t) {
    case 'factsHold':
      if (params.when !== undefined) checkCondition(params.when, [...at, 'params', 'when'], problems);
      break;
    case 'wallItemsPhotographed':
      if (Array.isArray(params.items)) params.items.forEach((ref, k) => ctx.checkWallRef(ref, [...at, 'params', 'items', k]));
      else
        for (const tier of arr(requirement.tiers))
          if (Number.isInteger(tier) && ctx.requiredWall(tier as number)?.length === 0)
            problems.add([...at, 'params', 'items'], `缺失：本要求适用于第 ${String(tier)} 类阵地，而该类别没有必选上墙内容，请在 items 中列出要核验的上墙内容`);
      break;
    case 'deskPlatesCoverMembers':
      arr(params.contents).forEach((ref, k) => ctx.checkWallRef(ref, [...at, 'params', 'contents', k]));
      break;
    default:
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/** Read and validate one pack file. Messages name the file by its base name. */
export async function loadPack(filePath: string): Promise<StandardPack> {
  const file = path.basename(filePath);
  const text = await readFile(filePath, 'utf8');
  return validatePack(parseJson(text, file), file);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      where = `第 ${line} 行第 ${Number(pos[1]) - before.lastIndexOf('\n')} 列附近：`;
    }
    throw new StandardPackError([{ file, item: '标准包', path: '', message: `${file}：标准包 不是合法的 JSON（${where}${msg}）` }]);
  }
}

export interface LoadedPack {
  /** Absolute path of the file. */
  file: string;
  pack: StandardPack;
}

/**
 * Load every .json file in a directory (default: the repository's standards/), sorted by file name.
 * Problems of all files are reported together; one id may not appear twice with the same version.
 */
export async function listPacks(dir: string = STANDARDS_DIR): Promise<LoadedPack[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => d.name)
    .sort();
  const loaded: LoadedPack[] = [];
  const problems: PackProblem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      loaded.push({ file, pack: await loadPack(file) });
    } catch (err) {
      if (err instanceof StandardPackError) problems.push(...err.problems);
      else throw err;
    }
  }
  const seen = new Map<string, string>();
  for (const { file, pack } of loaded) {
    const key = `${pack.pack.id}@${pack.pack.version}`;
    const base = path.basename(file);
    const other = seen.get(key);
    if (other)
      problems.push({
        file: base, item: '标准信息 pack', path: 'pack.version',
        message: `${base}：标准信息 pack 的 version “${pack.pack.version}” 与 ${other} 重复：同一 id “${pack.pack.id}” 的同一版本只能有一个文件`,
      });
    else seen.set(key, base);
  }
  if (problems.length) throw new StandardPackError(problems);
  return loaded;
}
