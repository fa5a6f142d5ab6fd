import { describe, expect, it } from 'vitest';
import { EDUCATIONS, ORG_CHILD_TYPES, type OrgType } from '../../../contracts/enums.js';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_SEED,
  DEMO_SIZE,
  LARGE_SIZE,
  generateCommittees,
  generateDemoData,
  generateMembers,
  generateOrgs,
  idCheckChar,
  isValidIdNumber,
  memberAt,
  orgOptionsFor,
  planMembers,
  resolveDemoAccounts,
  type GenMember,
  type GenOrg,
} from './generate.js';
import { ORGANS } from './names.js';

const TODAY = '2026-03-15';

/** Full years between two 'YYYY-MM-DD' dates. */
function age(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}
function addYearsStr(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5) === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '02-28' : date.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}
function countByType(orgs: readonly GenOrg[]): Record<OrgType, number> {
  const c: Record<OrgType, number> = { work_committee: 0, organ_committee: 0, general_branch: 0, branch: 0, group: 0 };
  for (const o of orgs) c[o.type]++;
  return c;
}

/** Tree invariants: parents first, allowed child types, unique keys, codes and (parent, name). */
function checkTree(orgs: readonly GenOrg[]): void {
  // Plain checks collected into a list: 50,000 orgs times a dozen expect() calls would be slow.
  const problems: string[] = [];
  const seen = new Map<string, GenOrg>();
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const o of orgs) {
    if (seen.has(o.key)) problems.push(`duplicate key ${o.key}`);
    if (o.parentKey === null) {
      if (o.type !== 'work_committee') problems.push(`root ${o.key} is a ${o.type}`);
    } else {
      const parent = seen.get(o.parentKey);
      if (!parent) problems.push(`parent of ${o.key} does not come first`);
      else if (!ORG_CHILD_TYPES[parent.type].includes(o.type)) problems.push(`${o.type} ${o.key} inside ${parent.type}`);
      if (!o.key.startsWith(o.parentKey + '.')) problems.push(`key ${o.key} not under ${o.parentKey}`);
    }
    if (!/^[A-Za-z0-9_-]{1,50}$/.test(o.code)) problems.push(`bad code ${o.code}`);
    if (codes.has(o.code)) problems.push(`duplicate code ${o.code}`);
    codes.add(o.code);
    const pn = `${o.parentKey ?? ''}\u0000${o.name}`;
    if (names.has(pn)) problems.push(`duplicate name ${o.name} under ${o.parentKey}`);
    names.add(pn);
    if (o.name.length < 1 || o.name.length > 100) problems.push(`bad name length ${o.name}`);
    if (o.shortName.length < 1 || o.shortName.length > 50) problems.push(`bad short name length ${o.shortName}`);
    seen.set(o.key, o);
  }
  expect(problems.slice(0, 10)).toEqual([]);
}

describe('pools', () => {
  it('has 60 distinct organs, so 40 organ committees have distinct real-looking names', () => {
    expect(ORGANS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ORGANS.map((o) => o[0])).size).toBe(ORGANS.length);
    expect(new Set(ORGANS.map((o) => o[1])).size).toBe(ORGANS.length);
  });
});

describe('GB 11643 check digit', () => {
  it('agrees with the published example 11010519491231002X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });
});

describe('demo data set', () => {
  const orgs = generateOrgs(orgOptionsFor(DEMO_SIZE));
  const memberOpts = { seed: DEMO_SEED, total: DEMO_SIZE.members, today: TODAY };
  const members = [...generateMembers(orgs, memberOpts)];
  const byKey = new Map(orgs.map((o) => [o.key, o]));

  it('is deterministic', () => {
    expect(generateOrgs(orgOptionsFor(DEMO_SIZE))).toEqual(orgs);
    expect([...generateMembers(orgs, memberOpts)]).toEqual(members);
    const a = generateDemoData(TODAY);
    const b = generateDemoData(TODAY);
    expect(a).toEqual(b);
    expect(a.orgs).toEqual(orgs);
    // A different seed gives different data.
    expect(generateOrgs(orgOptionsFor(DEMO_SIZE, DEMO_SEED + 1))).not.toEqual(orgs);
  });

  it('has one work committee, 40 organ committees, 150±10 branches, general branches and groups', () => {
    const c = countByType(orgs);
    expect(c.work_committee).toBe(1);
    expect(c.organ_committee).toBe(40);
    expect(c.branch).toBeGreaterThanOrEqual(140);
    expect(c.branch).toBeLessThanOrEqual(160);
    expect(c.general_branch).toBeGreaterThanOrEqual(3);
    expect(c.group).toBeGreaterThanOrEqual(5);
    expect(orgs[0]!.name).toBe('青禾市直属机关工作委员会');
    expect(orgs[1]!.name).toBe('青禾市财政局机关党委');
    const ocNames = orgs.filter((o) => o.type === 'organ_committee').map((o) => o.name);
    expect(new Set(ocNames).size).toBe(40);
    expect(ocNames.every((n) => n.startsWith('青禾市') && n.endsWith('机关党委'))).toBe(true);
    expect(orgs.some((o) => o.name === '离退休党支部')).toBe(true);
    expect(orgs.some((o) => o.name === '第一党小组')).toBe(true);
    // Every general branch holds at least two branches.
    for (const gb of orgs.filter((o) => o.type === 'general_branch')) {
      expect(orgs.filter((o) => o.parentKey === gb.key && o.type === 'branch').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('is a well-formed tree', () => checkTree(orgs));

  it('has exactly the requested members, in branches and groups, 10–40 per branch', () => {
    expect(members.length).toBe(DEMO_SIZE.members);
    expect(members.map((m) => m.index)).toEqual(members.map((_, i) => i));
    const perBranch = new Map<string, number>();
    for (const m of members) {
      const org = byKey.get(m.orgKey)!;
      expect(['branch', 'group']).toContain(org.type);
      const branchKey = org.type === 'group' ? org.parentKey! : org.key;
      perBranch.set(branchKey, (perBranch.get(branchKey) ?? 0) + 1);
    }
    const branches = orgs.filter((o) => o.type === 'branch');
    expect(perBranch.size).toBe(branches.length);
    for (const n of perBranch.values()) {
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThanOrEqual(40);
    }
    // Exact totals for other sizes too.
    for (const total of [0, 1, 149, 151, 7777]) {
      let n = 0;
      for (const _ of generateMembers(orgs, { seed: 7, total, today: TODAY })) n++;
      expect(n).toBe(total);
    }
  });

  it('gives every member consistent, plausible fields', () => {
    const minJoinAfterBirth = (m: GenMember) => addYearsStr(m.birthDate, 18);
    for (const m of members) {
      expect(m.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(['male', 'female']).toContain(m.gender);
      expect(m.ethnicity).toMatch(/族$/);
      const a = age(m.birthDate, TODAY);
      expect(a).toBeGreaterThanOrEqual(22);
      expect(a).toBeLessThanOrEqual(70);
      // ID number: region 99, birth date, gender digit, check digit.
      expect(m.idNumber).toMatch(/^99\d{15}[\dX]$/);
      expect(isValidIdNumber(m.idNumber)).toBe(true);
      expect(m.idNumber.slice(6, 14)).toBe(m.birthDate.replaceAll('-', ''));
      expect(Number(m.idNumber[16]) % 2).toBe(m.gender === 'male' ? 1 : 0);
      expect(m.phone).toMatch(/^199\d{8}$/);
      expect(EDUCATIONS).toContain(m.education);
      expect(m.joinDate > minJoinAfterBirth(m)).toBe(true);
      expect(m.joinDate <= TODAY).toBe(true);
      expect(m.status).toBe('active');
      if (m.post !== null) expect(m.post.length).toBeLessThanOrEqual(50);
      if (m.category === 'probationary') {
        expect(m.probationStart).toBe(m.joinDate);
        expect(m.probationStart! > addYearsStr(TODAY, -1)).toBe(true);
        expect(m.probationEnd).toBe(addYearsStr(m.probationStart!, 1));
        expect(m.probationEnd! > TODAY).toBe(true);
      } else {
        expect(m.category).toBe('full');
        expect(m.probationStart).toBeNull();
        expect(m.probationEnd).toBeNull();
        expect(m.joinDate < addYearsStr(TODAY, -1)).toBe(true);
      }
    }
    const share = (f: (m: GenMember) => boolean) => members.filter(f).length / members.length;
    expect(share((m) => m.category === 'probationary')).toBeGreaterThan(0.015);
    expect(share((m) => m.category === 'probationary')).toBeLessThan(0.05);
    expect(share((m) => m.ethnicity === '汉族')).toBeGreaterThan(0.9);
    expect(share((m) => m.ethnicity !== '汉族')).toBeGreaterThan(0.02);
    expect(share((m) => m.gender === 'male')).toBeGreaterThan(0.5);
    expect(share((m) => m.gender === 'male')).toBeLessThan(0.65);
    expect(share((m) => m.post === null)).toBeLessThan(0.4);
    expect(share((m) => m.education === '大学本科')).toBeGreaterThan(0.4);
    expect(new Set(members.map((m) => m.name)).size).toBeGreaterThan(members.length * 0.8);
    expect(new Set(members.map((m) => m.idNumber)).size).toBe(members.length);
    expect(new Set(members.map((m) => m.phone)).size).toBe(members.length);
  });

  it('memberAt gives the same member as the stream', () => {
    const plan = planMembers(orgs, memberOpts);
    for (const i of [0, 1, 17, 1234, 2999]) expect(memberAt(plan, i)).toEqual(members[i]);
    expect(() => memberAt(plan, 3000)).toThrow();
  });

  it('gives every organ committee, general branch and branch a current term', () => {
    const terms = generateCommittees(orgs, { seed: DEMO_SEED, today: TODAY, members: memberOpts });
    const needing = orgs.filter((o) => o.type === 'organ_committee' || o.type === 'general_branch' || o.type === 'branch');
    expect(terms.map((t) => t.orgKey)).toEqual(needing.map((o) => o.key));
    const sixMonths = '2026-09-15';
    let soon = 0;
    let past = 0;
    for (const t of terms) {
      const org = byKey.get(t.orgKey)!;
      expect(t.endDate).toBe(addYearsStr(t.startDate, org.type === 'organ_committee' ? 5 : 3));
      expect(t.startDate <= TODAY).toBe(true);
      if (t.endDate < TODAY) past++;
      else if (t.endDate <= sixMonths) soon++;
      const roles = t.seats.map((s) => s.role);
      expect(roles.filter((r) => r === 'secretary').length).toBe(1);
      expect(roles[0]).toBe('secretary');
      expect(roles.filter((r) => r === 'deputy_secretary').length).toBeLessThanOrEqual(1);
      const committeeMembers = roles.filter((r) => r === 'committee_member').length;
      expect(committeeMembers === 0 || (committeeMembers >= 2 && committeeMembers <= 5)).toBe(true);
      // Seats are distinct members of the org's subtree, named as generated.
      const indexes = t.seats.map((s) => s.memberIndex);
      expect(new Set(indexes).size).toBe(indexes.length);
      for (const s of t.seats) {
        expect(s.memberIndex).not.toBeNull();
        const m = members[s.memberIndex!]!;
        expect(s.personName).toBe(m.name);
        expect(m.orgKey === t.orgKey || m.orgKey.startsWith(t.orgKey + '.')).toBe(true);
      }
    }
    expect(soon / terms.length).toBeGreaterThan(0.05);
    expect(soon / terms.length).toBeLessThan(0.16);
    expect(past).toBeGreaterThanOrEqual(1);
    expect(past / terms.length).toBeLessThan(0.08);
    // Without members: generated names, no references.
    const named = generateCommittees(orgs, { seed: DEMO_SEED, today: TODAY });
    expect(named.length).toBe(terms.length);
    expect(named.every((t) => t.seats.every((s) => s.memberIndex === null && s.personName.length >= 2))).toBe(true);
    expect(generateCommittees(orgs, { seed: DEMO_SEED, today: TODAY, members: memberOpts })).toEqual(terms);
  });

  it('binds the demo accounts', () => {
    expect(DEMO_PASSWORD).toBe('Demo@2026zd');
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual(['demo_wc', 'demo_oc', 'demo_branch', 'demo_member']);
    const accounts = resolveDemoAccounts(orgs, memberOpts);
    const [wc, oc, branch, member] = accounts;
    expect(wc).toMatchObject({ role: 'work_committee_admin', orgKey: 'r', memberIndex: null, password: DEMO_PASSWORD });
    expect(oc).toMatchObject({ role: 'org_admin', orgKey: 'r.1', memberIndex: null });
    expect(byKey.get(oc!.orgKey)!.name).toBe('青禾市财政局机关党委');
    expect(byKey.get(branch!.orgKey)!.type).toBe('branch');
    expect(byKey.get(branch!.orgKey)!.parentKey).toBe('r.1');
    expect(member!.role).toBe('member');
    const m = members[member!.memberIndex!]!;
    expect(member!.displayName).toBe(m.name);
    expect(member!.orgKey).toBe(m.orgKey);
    expect(m.orgKey === branch!.orgKey || m.orgKey.startsWith(branch!.orgKey + '.')).toBe(true);
  });

  it('works on a leap day and far from it', () => {
    for (const today of ['2024-02-29', '2031-12-31']) {
      for (const m of generateMembers(orgs, { seed: 3, total: 500, today })) {
        const a = age(m.birthDate, today);
        expect(a).toBeGreaterThanOrEqual(22);
        expect(a).toBeLessThanOrEqual(70);
        expect(isValidIdNumber(m.idNumber)).toBe(true);
        expect(m.joinDate <= today).toBe(true);
      }
      expect(generateCommittees(orgs, { seed: 3, today }).length).toBeGreaterThan(0);
    }
    expect(() => generateMembers(orgs, { seed: 3, total: 1, today: '2026-02-30' }).next()).toThrow();
  });
});

describe('other shapes', () => {
  it('names organ committees beyond the list and takes a fixed branch count', () => {
    const orgs = generateOrgs({ seed: 5, organCommittees: 70, branchesPerCommittee: 3, cityName: '云溪', codePrefix: 'YX' });
    checkTree(orgs);
    const c = countByType(orgs);
    expect(c.organ_committee).toBe(70);
    expect(c.branch).toBe(210);
    expect(orgs[0]!.name).toBe('云溪市直属机关工作委员会');
    expect(orgs[0]!.code).toBe('YX');
    expect(orgs.some((o) => o.name === '云溪市直属单位（61）机关党委')).toBe(true);
  });

  it('without groups or general branches', () => {
    const orgs = generateOrgs({ seed: 9, organCommittees: 10, branchesPerCommittee: [1, 4], generalBranchShare: 0, groupShare: 0 });
    checkTree(orgs);
    const c = countByType(orgs);
    expect(c.group + c.general_branch).toBe(0);
    const members = [...generateMembers(orgs, { seed: 9, total: 300, today: TODAY })];
    expect(members.length).toBe(300);
  });
});

describe('large data set', () => {
  it('generates about 50,000 organizations quickly', () => {
    const t0 = performance.now();
    const orgs = generateOrgs(orgOptionsFor(LARGE_SIZE));
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(5000);
    expect(orgs.length).toBeGreaterThan(45_000);
    expect(orgs.length).toBeLessThan(55_000);
    const c = countByType(orgs);
    expect(c.organ_committee).toBe(2000);
    expect(c.branch).toBe(38_000);
    checkTree(orgs);
    const t1 = performance.now();
    const terms = generateCommittees(orgs, { seed: 1, today: TODAY, members: { seed: 1, total: 100_000, today: TODAY } });
    expect(terms.length).toBe(c.organ_committee + c.general_branch + c.branch);
    expect(performance.now() - t1).toBeLessThan(10_000);
  }, 60_000);

  it('streams 1,000,000 members with unique, valid ID numbers and unique phones', () => {
    const orgs = generateOrgs(orgOptionsFor(LARGE_SIZE));
    const memberOrgs = new Set(orgs.filter((o) => o.type === 'branch' || o.type === 'group').map((o) => o.key));
    const ids = new Set<string>();
    const phones = new Set<string>();
    let n = 0;
    let bad = 0;
    for (const m of generateMembers(orgs, { seed: 1, total: LARGE_SIZE.members, today: TODAY })) {
      ids.add(m.idNumber);
      phones.add(m.phone);
      if (!isValidIdNumber(m.idNumber) || !m.idNumber.startsWith('99') || !memberOrgs.has(m.orgKey)) bad++;
      n++;
    }
    expect(n).toBe(1_000_000);
    expect(bad).toBe(0);
    expect(ids.size).toBe(1_000_000);
    expect(phones.size).toBe(1_000_000);
  }, 120_000);
});

describe('committees with very few members', () => {
  it('never seats more people than an org has, and ends (a thin membership spread over many orgs)', () => {
    const orgs = generateOrgs(orgOptionsFor(DEMO_SIZE, 7));
    const memberOptions = { seed: 7, total: 30, today: '2026-03-01' };
    const terms = generateCommittees(orgs, { seed: 7, today: '2026-03-01', members: memberOptions });
    for (const t of terms) {
      const ids = t.seats.map((s) => s.memberIndex).filter((x) => x !== null);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(terms.length).toBeGreaterThan(0);
  });
});
