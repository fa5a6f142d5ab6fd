// Deterministic demo data generator: organizations, members, committee terms and demo accounts.
//
// ALL DATA PRODUCED HERE IS FICTIONAL. 青禾 is an invented city; its organs and party organizations,
// the people, their ID numbers (region code 99xxxx, which no real region uses) and their phone
// numbers (199 followed by a scrambled sequence number) are made up.
//
// Pure: the same inputs give the same output on every machine. No Math.random, no clock: randomness
// comes from seeded PRNGs (mulberry32) and "today" is an input. Members are produced by a generator
// function and each member is computed from (seed, index) alone, so a million members stream in
// constant memory, and a committee seat can refer to a member by its index without holding members.

import {
  EDUCATIONS,
  type CommitteeRole,
  type Education,
  type Gender,
  type MemberCategory,
  type MemberStatus,
  type OrgType,
  type Role,
} from '../../../contracts/enums.js';
import {
  DEFAULT_CITY,
  DEFAULT_CODE_PREFIX,
  DEPARTMENTS,
  GIVEN_FEMALE,
  GIVEN_FIRST_COMMON,
  GIVEN_MALE,
  MAJORITY_ETHNICITY,
  MINORITY_ETHNICITIES,
  ORGANS,
  POSTS,
  SURNAMES,
  cnNumber,
} from './names.js';

// ---------------------------------------------------------------------------------------------
// Public types

export interface GenOrg {
  /** Stable key: 'r' for the root, 'r.3' for its third child, 'r.3.2' for that one's second child. */
  key: string;
  parentKey: string | null;
  name: string;
  shortName: string;
  /** ASCII code, hierarchical and unique: 'QH', 'QH-003', 'QH-003-02', 'QH-003-02-01'. */
  code: string;
  type: OrgType;
}

export interface GenerateOrgsOptions {
  seed: number;
  organCommittees: number;
  /** Branches per organ committee (all of its branches, including those inside general branches). */
  branchesPerCommittee: number | readonly [min: number, max: number];
  /** With a [min,max] range: make the total exactly this (clamped to what the range allows). */
  totalBranches?: number;
  /** Share of organ committees that group some of their branches under general branches. Default 0.2. */
  generalBranchShare?: number;
  /** Groups in a branch that has groups. Default [2,3]. */
  groupsPerBranch?: readonly [min: number, max: number];
  /** Share of branches that have groups (retirees' branches: at least 0.3, unless this is 0). Default 0.1. */
  groupShare?: number;
  /** Fictional city name (without 市). Default 青禾. */
  cityName?: string;
  /** ASCII prefix of codes. Default QH. */
  codePrefix?: string;
}

export interface GenerateMembersOptions {
  seed: number;
  total: number;
  /** 'YYYY-MM-DD'; ages, join dates and probation periods are relative to it. */
  today: string;
}

export interface GenMember {
  /** 0-based position in the generateMembers stream; committee seats refer to members by it. */
  index: number;
  /** Key of a branch or group. */
  orgKey: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  /** 18 digits, region 99xxxx, valid GB 11643 check digit; unique within a run of up to 5,000,000. */
  idNumber: string;
  /** '199' + 8 digits; unique within a run of up to 100,000,000. */
  phone: string;
  education: Education;
  joinDate: string;
  category: MemberCategory;
  probationStart: string | null;
  probationEnd: string | null;
  post: string | null;
  status: MemberStatus;
}

export interface GenSeat {
  role: CommitteeRole;
  personName: string;
  /** Index of the member (in the generateMembers stream) holding the seat, or null. */
  memberIndex: number | null;
}

export interface GenCommitteeTerm {
  orgKey: string;
  startDate: string;
  endDate: string;
  /** Secretary first, then the deputy (if any), then committee members. */
  seats: GenSeat[];
}

export interface GenerateCommitteesOptions {
  seed: number;
  today: string;
  /** The options given to generateMembers: seats then name generated members of the org's subtree. */
  members?: GenerateMembersOptions;
}

// ---------------------------------------------------------------------------------------------
// Sizes

/** Seed of the demo data set. */
export const DEMO_SEED = 20260101;

/**
 * The demo data set: 1 work committee, 40 organ committees, exactly 150 branches (2–6 per organ
 * committee; some organ committees group branches under general branches), a few groups, and exactly
 * 3,000 members. The counts of general branches and groups follow from the seed (see the tests).
 */
export const DEMO_SIZE = {
  organCommittees: 40,
  branchesPerCommittee: [2, 6] as const,
  totalBranches: 150,
  generalBranchShare: 0.3,
  groupsPerBranch: [2, 3] as const,
  groupShare: 0.1,
  members: 3000,
} as const;

/**
 * A large data set for load tests: 2,000 organ committees, exactly 38,000 branches (10–28 each),
 * with general branches and groups about 50,000 organizations in all, and 1,000,000 members.
 */
export const LARGE_SIZE = {
  organCommittees: 2000,
  branchesPerCommittee: [10, 28] as const,
  totalBranches: 38_000,
  generalBranchShare: 0.2,
  groupsPerBranch: [2, 3] as const,
  groupShare: 0.1,
  members: 1_000_000,
} as const;

type SizePreset = typeof DEMO_SIZE | typeof LARGE_SIZE;

/** Organization options of a size preset. */
export function orgOptionsFor(size: SizePreset, seed: number = DEMO_SEED): GenerateOrgsOptions {
  return {
    seed,
    organCommittees: size.organCommittees,
    branchesPerCommittee: size.branchesPerCommittee,
    totalBranches: size.totalBranches,
    generalBranchShare: size.generalBranchShare,
    groupsPerBranch: size.groupsPerBranch,
    groupShare: size.groupShare,
  };
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Hash of (seed, salt, n): the seed of an independent stream. */
function streamSeed(seed: number, salt: number, n: number): number {
  return mix32(mix32(seed ^ Math.imul(salt, 0x9e3779b1)) ^ mix32(n + 0x632be5ab));
}

const SALT_ORGS = 1;
const SALT_PLAN = 2;
const SALT_MEMBER = 3;
const SALT_COMMITTEE = 4;
const SALT_PHONE = 5;

type Rng = () => number;
const intIn = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pickOf = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Cumulative weights for fast weighted picks. */
function cumulative(weights: readonly number[]): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => {
    s += w;
    c[i] = s;
  });
  return c;
}
function pickCumulative(rng: Rng, cum: Float64Array): number {
  const x = rng() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01), without Date

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** 'YYYY-MM-DD' to a day number; throws on anything else. */
export function parseDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${s}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) throw new Error(`not a valid date: ${s}`);
  return daysFromCivil(y, mo, d);
}

export function formatDay(days: number): string {
  let s = dayStrings.get(days);
  if (s === undefined) {
    const [y, m, d] = civilFromDays(days);
    s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    if (dayStrings.size >= 200_000) dayStrings.clear();
    dayStrings.set(days, s);
  }
  return s;
}
/** Formatted days, memoized: a million members share some 20,000 distinct dates. */
const dayStrings = new Map<number, string>();

/** Add whole months; the day is clamped to the month's length (Jan 31 + 1 month = Feb 28/29). */
function addMonths(days: number, months: number): number {
  const [y, m, d] = civilFromDays(days);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return daysFromCivil(ny, nm, Math.min(d, monthLength(ny, nm)));
}
const addYears = (days: number, years: number): number => addMonths(days, years * 12);

// ---------------------------------------------------------------------------------------------
// GB 11643 citizen ID numbers

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[s % 11]!;
}

/** True when an 18-character ID number has digits where due and a correct check character. */
export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckChar(id.slice(0, 17)) === id[17];
}

/**
 * The ID number of member `index`. Uniqueness does not rely on chance: with r = index mod 10^6 and
 * q = floor(index / 10^6), the region suffix (4 digits) is a bijection of floor(r / 100), the first
 * two order digits a bijection of r mod 100, and the third order digit is 2·(q mod 5) + (male ? 1 : 0)
 * (odd for men, even for women, as the standard wants). So (region, order) differs for any two
 * indexes below 5,000,000, whatever the birth dates.
 */
function idNumberFor(index: number, birthDay: number, gender: Gender): string {
  const r = index % 1_000_000;
  const q = Math.floor(index / 1_000_000) % 5;
  const region = '99' + pad((Math.floor(r / 100) * 7 + 101) % 10_000, 4);
  const order = pad(((r % 100) * 37 + 11) % 100, 2) + String(2 * q + (gender === 'male' ? 1 : 0));
  const b = formatDay(birthDay);
  const first17 = region + b.slice(0, 4) + b.slice(5, 7) + b.slice(8, 10) + order;
  return first17 + idCheckChar(first17);
}

/** '199' + (index·A + B) mod 10^8 with A coprime to 10^8: unique for indexes below 10^8. */
function phoneFor(index: number, offset: number): string {
  return '199' + pad((((index % 100_000_000) * 61_803_399 + offset) % 100_000_000), 8);
}

// ---------------------------------------------------------------------------------------------
// Organizations

/**
 * The organization tree, parents before children (depth-first): one work committee, then each organ
 * committee followed by its subtree. Names are unique among siblings; codes and keys are unique.
 */
export function generateOrgs(opts: GenerateOrgsOptions): GenOrg[] {
  const rng = mulberry32(streamSeed(opts.seed, SALT_ORGS, 0));
  const city = opts.cityName ?? DEFAULT_CITY;
  const prefix = opts.codePrefix ?? DEFAULT_CODE_PREFIX;
  const gbShare = opts.generalBranchShare ?? 0.2;
  const groupRange = opts.groupsPerBranch ?? [2, 3];
  const groupShare = opts.groupShare ?? 0.1;
  const n = Math.max(0, Math.floor(opts.organCommittees));
  const counts = branchCounts(rng, n, opts.branchesPerCommittee, opts.totalBranches);

  const orgs: GenOrg[] = [];
  orgs.push({
    key: 'r',
    parentKey: null,
    name: `${city}市直属机关工作委员会`,
    shortName: `${city}市直机关工委`,
    code: prefix,
    type: 'work_committee',
  });

  const addBranch = (parent: GenOrg, ordinal: number, name: string, shortName: string): void => {
    const branch: GenOrg = {
      key: `${parent.key}.${ordinal}`,
      parentKey: parent.key,
      name,
      shortName,
      code: `${parent.code}-${pad(ordinal, 2)}`,
      type: 'branch',
    };
    orgs.push(branch);
    const retired = name.includes('离退休');
    if (rng() < (retired && groupShare > 0 ? Math.max(groupShare, 0.3) : groupShare)) {
      const g = intIn(rng, groupRange[0], groupRange[1]);
      for (let k = 1; k <= g; k++) {
        orgs.push({
          key: `${branch.key}.${k}`,
          parentKey: branch.key,
          name: `第${cnNumber(k)}党小组`,
          shortName: `${shortName}${cnNumber(k)}组`,
          code: `${branch.code}-${pad(k, 2)}`,
          type: 'group',
        });
      }
    }
  };

  for (let i = 1; i <= n; i++) {
    const organ = ORGANS[i - 1];
    const [organName, organShort] = organ ?? [`市直属单位（${i}）`, `直属单位${i}`];
    const committee: GenOrg = {
      key: `r.${i}`,
      parentKey: 'r',
      name: `${city}${organName}机关党委`,
      shortName: `${organShort}机关党委`,
      code: `${prefix}-${pad(i, 3)}`,
      type: 'organ_committee',
    };
    orgs.push(committee);

    const b = counts[i - 1]!;
    const retiree = b >= 3 && rng() < 0.5 ? 1 : 0;
    const regular = b - retiree;
    // Layout: some direct branches, then general branches (each holding ≥ 2 branches), then the
    // retirees' branch.
    let direct = regular;
    const inGeneral: number[] = [];
    if (regular >= 3 && rng() < gbShare) {
      const g = Math.min(4, Math.max(1, Math.floor(regular / 5)));
      direct = intIn(rng, Math.min(1, regular - 2 * g), Math.min(2, regular - 2 * g));
      let rest = regular - direct;
      for (let j = 0; j < g; j++) inGeneral.push(2);
      rest -= 2 * g;
      while (rest > 0) {
        inGeneral[Math.floor(rng() * g)]! += 1;
        rest--;
      }
    }

    // Names of the direct branches: 第一党支部 / 机关第一党支部 / 办公室党支部.
    let style = Math.floor(rng() * 3);
    if (style === 2 && direct > DEPARTMENTS.length) style = 1;
    const depts = style === 2 ? shuffled(rng, DEPARTMENTS).slice(0, direct) : [];
    let ordinal = 0;
    for (let j = 1; j <= direct; j++) {
      const label =
        direct === 1 && style !== 2
          ? '机关党支部'
          : style === 0
            ? `第${cnNumber(j)}党支部`
            : style === 1
              ? `机关第${cnNumber(j)}党支部`
              : `${depts[j - 1]!}党支部`;
      addBranch(committee, ++ordinal, label, `${organShort}${label.replace('党支部', '支部')}`);
    }
    inGeneral.forEach((size, j) => {
      const gbName = inGeneral.length === 1 ? '机关党总支' : `机关第${cnNumber(j + 1)}党总支`;
      const general: GenOrg = {
        key: `${committee.key}.${++ordinal}`,
        parentKey: committee.key,
        name: gbName,
        shortName: `${organShort}${gbName.replace('党总支', '总支')}`,
        code: `${committee.code}-${pad(ordinal, 2)}`,
        type: 'general_branch',
      };
      orgs.push(general);
      for (let k = 1; k <= size; k++) {
        const label = `第${cnNumber(k)}党支部`;
        addBranch(general, k, label, `${general.shortName}${label.replace('党支部', '支部')}`);
      }
    });
    if (retiree) addBranch(committee, ++ordinal, '离退休党支部', `${organShort}离退休支部`);
  }
  return orgs;
}

/** Branch counts per organ committee; with a range and a total, the total is exact. */
function branchCounts(
  rng: Rng,
  n: number,
  spec: number | readonly [number, number],
  total: number | undefined,
): number[] {
  if (typeof spec === 'number') return new Array<number>(n).fill(Math.max(0, Math.floor(spec)));
  const min = Math.max(0, Math.floor(Math.min(spec[0], spec[1])));
  const max = Math.max(min, Math.floor(Math.max(spec[0], spec[1])));
  if (total === undefined) return Array.from({ length: n }, () => intIn(rng, min, max));
  const target = Math.min(n * max, Math.max(n * min, Math.round(total)));
  // Start everyone at one bound and move one branch at a time towards the other, at random;
  // start from the nearer bound so that rejections stay rare.
  const fromMin = target - n * min <= n * max - target;
  const counts = new Array<number>(n).fill(fromMin ? min : max);
  let left = fromMin ? target - n * min : n * max - target;
  while (left > 0) {
    const i = Math.floor(rng() * n);
    if (fromMin ? counts[i]! < max : counts[i]! > min) {
      counts[i]! += fromMin ? 1 : -1;
      left--;
    }
  }
  return counts;
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// Member plan: how many members each branch or group holds

interface MemberUnit {
  orgKey: string;
  /** Index of the first member of this unit. */
  start: number;
  count: number;
  retired: boolean;
}

/** Where the members go: contiguous index ranges per branch or group, in org order. */
export interface MemberPlan {
  seed: number;
  total: number;
  todayDay: number;
  /** Earliest birth day (age 70), latest birth day (age 22), latest join day of a full member. */
  oldestBirthDay: number;
  youngestBirthDay: number;
  lastFullJoinDay: number;
  units: MemberUnit[];
  /** units[i].start, for binary search. */
  starts: Int32Array;
  phoneOffset: number;
}

/**
 * Spread `total` members over the branches. When the average is between 12 and 38 (the demo: 3,000
 * over 150 branches), each branch draws a size from 10 to 40 (triangular, its mode set so that the
 * draws average what is needed; retirees' branches a little larger), then the difference to the
 * total is spread one member at a time over random branches, staying within 10–40. Otherwise sizes
 * are proportional to such draws. Either way the sum is exact. A branch with groups passes its
 * members on to its groups: members sit only in branches and groups.
 */
export function planMembers(orgs: readonly GenOrg[], opts: GenerateMembersOptions): MemberPlan {
  const total = Math.max(0, Math.floor(opts.total));
  const todayDay = parseDay(opts.today);
  const rng = mulberry32(streamSeed(opts.seed, SALT_PLAN, 0));
  const byKey = new Map<string, GenOrg>();
  const groupsOf = new Map<string, GenOrg[]>();
  for (const o of orgs) {
    byKey.set(o.key, o);
    if (o.type === 'group' && o.parentKey !== null) {
      const list = groupsOf.get(o.parentKey);
      if (list) list.push(o);
      else groupsOf.set(o.parentKey, [o]);
    }
  }
  const branches = orgs.filter((o) => o.type === 'branch');
  if (branches.length === 0 && total > 0) throw new Error('members need at least one branch');
  const retiredBranch = branches.map((b) => b.name.includes('离退休'));
  const mean = branches.length > 0 ? total / branches.length : 0;
  // Triangular draws on [10, 40] whose mode makes them average `mean` already (mean = (10+40+mode)/3).
  const mode = Math.min(40, Math.max(10, 3 * mean - 50));
  const draws = branches.map((_, i) => Math.round(triangular(rng(), 10, 40, retiredBranch[i] ? Math.min(40, mode + 5) : mode)));
  const counts = mean >= 12 && mean <= 38 ? adjustWithin(rng, draws, total, 10, 40) : apportion(total, draws);

  const units: MemberUnit[] = [];
  let start = 0;
  branches.forEach((b, i) => {
    const count = counts[i]!;
    const retired = retiredBranch[i]!;
    const groups = groupsOf.get(b.key);
    if (!groups || groups.length === 0) {
      units.push({ orgKey: b.key, start, count, retired });
      start += count;
      return;
    }
    const split = apportion(count, groups.map(() => 0.7 + 0.6 * rng()));
    groups.forEach((g, k) => {
      units.push({ orgKey: g.key, start, count: split[k]!, retired });
      start += split[k]!;
    });
  });
  return {
    seed: opts.seed,
    total,
    todayDay,
    oldestBirthDay: addYears(todayDay, -71) + 1, // turns 71 tomorrow: still 70
    youngestBirthDay: addYears(todayDay, -22), // 22nd birthday today
    lastFullJoinDay: addYears(todayDay, -1) - 1, // probation (one year) over before today
    units,
    starts: Int32Array.from(units, (u) => u.start),
    phoneOffset: streamSeed(opts.seed, SALT_PHONE, 0) % 100_000_000,
  };
}

/** Inverse CDF of the triangular distribution on [lo, hi] with the given mode. */
function triangular(u: number, lo: number, hi: number, mode: number): number {
  const f = (mode - lo) / (hi - lo);
  return u < f ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
}

/** Move counts one at a time (random picks, within [lo, hi]) until they sum to total. */
function adjustWithin(rng: Rng, draws: readonly number[], total: number, lo: number, hi: number): number[] {
  const counts = draws.slice();
  let diff = total - counts.reduce((s, c) => s + c, 0);
  while (diff !== 0) {
    const i = Math.floor(rng() * counts.length);
    if (diff > 0 && counts[i]! < hi) {
      counts[i]! += 1;
      diff--;
    } else if (diff < 0 && counts[i]! > lo) {
      counts[i]! -= 1;
      diff++;
    }
  }
  return counts;
}

/** Integers proportional to weights, summing exactly to total (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]![1]]! += 1;
  return counts;
}

function unitOf(plan: MemberPlan, index: number): MemberUnit {
  let lo = 0;
  let hi = plan.starts.length - 1;
  // Last unit whose start <= index (empty units share a start with the next; skip them).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plan.starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  while (lo > 0 && plan.units[lo]!.count === 0) lo--;
  return plan.units[lo]!;
}

// ---------------------------------------------------------------------------------------------
// Members

const SURNAME_CUM = cumulative(SURNAMES.map((s, i) => (s.length > 1 ? 0.05 : 1 / (i + 6))));
const ETHNICITY_WEIGHTS = cumulative(MINORITY_ETHNICITIES.map((_, i) => 1 / (i + 1)));
const EDUCATION_BY_AGE: ReadonlyArray<readonly [maxAge: number, cum: Float64Array]> = [
  // 研究生, 大学本科, 大学专科, 中专, 高中, 初中及以下
  [34, cumulative([30, 62, 6, 1, 1, 0])],
  [49, cumulative([18, 62, 14, 3, 2, 1])],
  [59, cumulative([8, 52, 25, 8, 5, 2])],
  [Infinity, cumulative([3, 35, 27, 15, 12, 8])],
];
const POST_INDEX = new Map(POSTS.map((p, i) => [p, i]));
const postsByAge = (entries: ReadonlyArray<readonly [string | null, number]>) =>
  [entries.map((e) => e[0]), cumulative(entries.map((e) => e[1]))] as const;
const POSTS_BY_AGE: ReadonlyArray<readonly [maxAge: number, posts: ReadonlyArray<string | null>, cum: Float64Array]> = [
  [27, ...postsByAge([['办事员', 5], ['科员', 60], ['四级主任科员', 25], [null, 10]])],
  [35, ...postsByAge([['科员', 25], ['四级主任科员', 20], ['三级主任科员', 15], ['副科长', 20], ['科长', 5], [null, 15]])],
  [45, ...postsByAge([['副科长', 10], ['科长', 25], ['二级主任科员', 15], ['一级主任科员', 15], ['副处长', 10], ['四级调研员', 5], [null, 20]])],
  [Infinity, ...postsByAge([['科长', 10], ['一级主任科员', 15], ['副处长', 12], ['处长', 12], ['四级调研员', 12], ['三级调研员', 8], ['二级调研员', 5], ['副局长', 3], ['局长', 1], [null, 22]])],
];

function personName(rng: Rng, gender: Gender): string {
  const surname = SURNAMES[pickCumulative(rng, SURNAME_CUM)]!;
  const own = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  if (rng() < 0.3) return surname + pickOf(rng, own);
  const first = rng() < 0.4 ? pickOf(rng, GIVEN_FIRST_COMMON) : pickOf(rng, own);
  let second = pickOf(rng, own);
  if (second === first) second = pickOf(rng, own);
  return surname + first + second;
}

/** Member `index` of a plan, computed from (seed, index) alone. */
export function memberAt(plan: MemberPlan, index: number): GenMember {
  if (!Number.isInteger(index) || index < 0 || index >= plan.total) throw new RangeError(`no member ${index}`);
  return makeMember(plan, index, unitOf(plan, index));
}

function makeMember(plan: MemberPlan, index: number, unit: MemberUnit): GenMember {
  const rng = mulberry32(streamSeed(plan.seed, SALT_MEMBER, index));
  const today = plan.todayDay;
  const gender: Gender = rng() < (unit.retired ? 0.55 : 0.58) ? 'male' : 'female';
  const name = personName(rng, gender);
  const ethnicity = rng() < 0.94 ? MAJORITY_ETHNICITY : MINORITY_ETHNICITIES[pickCumulative(rng, ETHNICITY_WEIGHTS)]!;

  // Birth date: working members 22–59 (peak in the forties), retirees 60–70; always within 22–70.
  const ageYears = unit.retired ? 60 + 11 * rng() : 22 + 38 * ((rng() + rng() + rng()) / 3);
  const birthDay = Math.min(plan.youngestBirthDay, Math.max(plan.oldestBirthDay, today - Math.floor(ageYears * 365.2425)));
  const age = Math.floor(ageYears);

  const education = EDUCATIONS[pickCumulative(rng, EDUCATION_BY_AGE.find(([max]) => age <= max)![1])]!;

  let category: MemberCategory = 'full';
  let joinDay: number;
  let probationStart: string | null = null;
  let probationEnd: string | null = null;
  if (!unit.retired && rng() < (age < 40 ? 0.045 : 0.012)) {
    // Probationary: admitted within the last year; the probation lasts one year.
    category = 'probationary';
    joinDay = today - intIn(rng, 1, 360);
    probationStart = formatDay(joinDay);
    probationEnd = formatDay(addYears(joinDay, 1));
  } else {
    // Full member: admitted after turning 18 and more than a year ago; most join in their twenties.
    const first = addYears(birthDay, 18) + 1;
    const last = plan.lastFullJoinDay;
    joinDay = first + Math.floor(rng() ** 1.8 * (last - first + 1));
  }

  let post: string | null = null;
  if (!unit.retired) {
    const [, posts, cum] = POSTS_BY_AGE.find(([max]) => age <= max)!;
    post = posts[pickCumulative(rng, cum)]!;
  }

  return {
    index,
    orgKey: unit.orgKey,
    name,
    gender,
    ethnicity,
    birthDate: formatDay(birthDay),
    idNumber: idNumberFor(index, birthDay, gender),
    phone: phoneFor(index, plan.phoneOffset),
    education,
    joinDate: formatDay(joinDay),
    category,
    probationStart,
    probationEnd,
    post,
    status: 'active',
  };
}

/**
 * Exactly opts.total members, branch by branch in org order, each in a branch or group. A generator:
 * a million members stream in constant memory (the plan holds one entry per branch or group).
 */
export function* generateMembers(orgs: readonly GenOrg[], opts: GenerateMembersOptions): Generator<GenMember, void, undefined> {
  const plan = planMembers(orgs, opts);
  for (const unit of plan.units) {
    for (let i = 0; i < unit.count; i++) yield makeMember(plan, unit.start + i, unit);
  }
}

// ---------------------------------------------------------------------------------------------
// Committees

/**
 * A current term for every organ committee, general branch and branch. Organ committees serve five
 * years, general branches and branches three. About 10% of terms end within the next six months
 * (TERM_WARNING_MONTHS), about 3% have already ended, the rest end later.
 *
 * Seats: one secretary, a deputy for some, and 2–5 committee members. With opts.members (the same
 * options given to generateMembers) seats are held by distinct members of the org's subtree, the
 * secretary being a senior one, and memberIndex names them; a branch with fewer than 7 members has
 * no committee, only a secretary (and perhaps a deputy). Without opts.members, seats carry generated
 * names and memberIndex null.
 */
export function generateCommittees(orgs: readonly GenOrg[], opts: GenerateCommitteesOptions): GenCommitteeTerm[] {
  const today = parseDay(opts.today);
  const soonLimit = addMonths(today, 6);
  const plan = opts.members ? planMembers(orgs, opts.members) : null;
  const subtreeUnits = plan ? unitsBySubtree(orgs, plan) : null;

  const terms: GenCommitteeTerm[] = [];
  orgs.forEach((org, orgIndex) => {
    if (org.type !== 'organ_committee' && org.type !== 'general_branch' && org.type !== 'branch') return;
    const rng = mulberry32(streamSeed(opts.seed, SALT_COMMITTEE, orgIndex));
    const years = org.type === 'organ_committee' ? 5 : 3;
    const r = rng();
    let end: number;
    if (r < 0.03) end = today - intIn(rng, 1, 120);
    else if (r < 0.13) end = intIn(rng, today + 1, soonLimit);
    else end = intIn(rng, soonLimit + 1, addYears(today, years) - 1);
    const start = addYears(end, -years);

    const units = subtreeUnits?.get(org.key) ?? null;
    const available = units ? units.reduce((s, u) => s + u.count, 0) : Infinity;
    const roles: CommitteeRole[] = ['secretary'];
    if (org.type === 'branch' && available < 7) {
      if (available >= 3 && rng() < 0.3) roles.push('deputy_secretary');
    } else {
      if (rng() < (org.type === 'organ_committee' ? 0.8 : 0.5)) roles.push('deputy_secretary');
      const k = Math.min(intIn(rng, 2, 5), Math.max(0, available - roles.length));
      for (let j = 0; j < k; j++) roles.push('committee_member');
    }
    // Never more seats than people to fill them: drawing distinct members would otherwise never end.
    if (roles.length > available) roles.length = Math.max(1, available);
    if (available === 0) {
      // No members to choose from: generated names only.
      terms.push({ orgKey: org.key, startDate: formatDay(start), endDate: formatDay(end), seats: namedSeats(rng, roles) });
      return;
    }
    const seats = plan && units ? memberSeats(rng, plan, units, roles, available) : namedSeats(rng, roles);
    terms.push({ orgKey: org.key, startDate: formatDay(start), endDate: formatDay(end), seats });
  });
  return terms;
}

function namedSeats(rng: Rng, roles: readonly CommitteeRole[]): GenSeat[] {
  const used = new Set<string>();
  return roles.map((role) => {
    let name = personName(rng, rng() < 0.6 ? 'male' : 'female');
    for (let tries = 0; used.has(name) && tries < 20; tries++) name = personName(rng, rng() < 0.6 ? 'male' : 'female');
    used.add(name);
    return { role, personName: name, memberIndex: null };
  });
}

function memberSeats(rng: Rng, plan: MemberPlan, units: readonly MemberUnit[], roles: readonly CommitteeRole[], available: number): GenSeat[] {
  const used = new Set<number>();
  const positionToIndex = (p: number): number => {
    for (const u of units) {
      if (p < u.count) return u.start + p;
      p -= u.count;
    }
    throw new Error('position out of range');
  };
  const draw = (): GenMember => {
    let index = positionToIndex(Math.floor(rng() * available));
    while (used.has(index)) index = positionToIndex(Math.floor(rng() * available));
    return memberAt(plan, index);
  };
  return roles.map((role) => {
    let m = draw();
    if (role === 'secretary') {
      // The secretary is the most senior of a few candidates.
      const rank = (x: GenMember) => (x.post === null ? -1 : POST_INDEX.get(x.post) ?? -1);
      for (let c = 1; c < Math.min(6, available); c++) {
        const other = draw();
        if (rank(other) > rank(m)) m = other;
      }
    }
    used.add(m.index);
    return { role, personName: m.name, memberIndex: m.index };
  });
}

/** For every org, the member units in its subtree. */
function unitsBySubtree(orgs: readonly GenOrg[], plan: MemberPlan): Map<string, MemberUnit[]> {
  const parentOf = new Map<string, string | null>(orgs.map((o) => [o.key, o.parentKey]));
  const result = new Map<string, MemberUnit[]>();
  for (const unit of plan.units) {
    for (let key: string | null | undefined = unit.orgKey; key; key = parentOf.get(key)) {
      const list = result.get(key);
      if (list) list.push(unit);
      else result.set(key, [unit]);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Demo accounts

/** Password of every demo account. Demo data only; the real admin account is made at first start. */
export const DEMO_PASSWORD = 'Demo@2026zd';

export interface DemoAccountSpec {
  username: string;
  role: Role;
  displayName: string;
  /** Which org the account is bound to. */
  scope: 'root' | 'firstOrganCommittee' | 'firstBranch' | 'firstMember';
  description: string;
}

/**
 * Demo accounts (all with DEMO_PASSWORD). Not 'admin': the real administrator is created at first start.
 * - demo_wc: work-committee admin of the root (市直机关工委), sees everything;
 * - demo_oc: org admin of the first organ committee (青禾市财政局机关党委);
 * - demo_branch: org admin of that committee's first branch (a direct child if it has one);
 * - demo_member: member account of the first member of that branch (or of its first group).
 */
export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { username: 'demo_wc', role: 'work_committee_admin', displayName: '演示工委管理员', scope: 'root', description: '市直机关工委管理员，可管理全部组织' },
  { username: 'demo_oc', role: 'org_admin', displayName: '演示机关党委管理员', scope: 'firstOrganCommittee', description: '第一个机关党委的组织管理员' },
  { username: 'demo_branch', role: 'org_admin', displayName: '演示支部管理员', scope: 'firstBranch', description: '该机关党委第一个党支部的组织管理员' },
  { username: 'demo_member', role: 'member', displayName: '演示党员', scope: 'firstMember', description: '该党支部第一名党员的个人账号' },
];

export interface ResolvedDemoAccount {
  username: string;
  password: string;
  role: Role;
  /** For demo_member, the member's name. */
  displayName: string;
  orgKey: string;
  /** For demo_member: index of the member in the generateMembers stream. */
  memberIndex: number | null;
}

/** Bind the demo accounts to generated orgs (and members). demo_member needs members (else omitted). */
export function resolveDemoAccounts(orgs: readonly GenOrg[], members?: GenerateMembersOptions): ResolvedDemoAccount[] {
  const root = orgs.find((o) => o.parentKey === null);
  const oc = orgs.find((o) => o.type === 'organ_committee');
  if (!root || !oc) throw new Error('demo accounts need a root and an organ committee');
  const inOc = (o: GenOrg) => o.key.startsWith(oc.key + '.');
  const branch =
    orgs.find((o) => o.type === 'branch' && o.parentKey === oc.key) ?? orgs.find((o) => o.type === 'branch' && inOc(o));
  if (!branch) throw new Error('demo accounts need a branch in the first organ committee');

  let member: GenMember | null = null;
  if (members) {
    const plan = planMembers(orgs, members);
    const unit = plan.units.find((u) => (u.orgKey === branch.key || u.orgKey.startsWith(branch.key + '.')) && u.count > 0);
    if (unit) member = memberAt(plan, unit.start);
  }
  const result: ResolvedDemoAccount[] = [];
  for (const spec of DEMO_ACCOUNTS) {
    const base = { username: spec.username, password: DEMO_PASSWORD, role: spec.role, displayName: spec.displayName, memberIndex: null };
    if (spec.scope === 'root') result.push({ ...base, orgKey: root.key });
    else if (spec.scope === 'firstOrganCommittee') result.push({ ...base, orgKey: oc.key });
    else if (spec.scope === 'firstBranch') result.push({ ...base, orgKey: branch.key });
    else if (member) result.push({ ...base, displayName: member.name, orgKey: member.orgKey, memberIndex: member.index });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Everything for the demo

export interface DemoData {
  orgs: GenOrg[];
  /** Options to pass to generateMembers(orgs, ...) (3,000 members). */
  memberOptions: GenerateMembersOptions;
  committees: GenCommitteeTerm[];
  accounts: ResolvedDemoAccount[];
}

/** The demo data set (DEMO_SIZE) as of `today`. Members: iterate generateMembers(orgs, memberOptions). */
export function generateDemoData(today: string, seed: number = DEMO_SEED): DemoData {
  const orgs = generateOrgs(orgOptionsFor(DEMO_SIZE, seed));
  const memberOptions: GenerateMembersOptions = { seed, total: DEMO_SIZE.members, today };
  return {
    orgs,
    memberOptions,
    committees: generateCommittees(orgs, { seed, today, members: memberOptions }),
    accounts: resolveDemoAccounts(orgs, memberOptions),
  };
}
