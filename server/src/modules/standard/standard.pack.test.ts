import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StandardPack as StandardPackSchema, type StandardPack } from '../../../../contracts/standard.js';
import { AppError } from '../../platform/errors.js';
import {
  STANDARDS_DIR, StandardPackError, deriveTier, evaluateCondition, listPacks, loadPack, requirementsForTier, tierWallList,
  validatePack,
} from './standard.pack.js';

const JINHUA = path.join(STANDARDS_DIR, 'jinhua-2015.json');
const QIHE = path.join(STANDARDS_DIR, 'qihe-qiyou-sample.json');
let jinhua: StandardPack;
let qihe: StandardPack;
let jinhuaJson: unknown;
let qiheJson: unknown;

beforeAll(async () => {
  jinhua = await loadPack(JINHUA);
  qihe = await loadPack(QIHE);
  jinhuaJson = JSON.parse(await readFile(JINHUA, 'utf8'));
  qiheJson = JSON.parse(await readFile(QIHE, 'utf8'));
});

describe('shipped packs', () => {
  it('listPacks loads every pack in standards/ (a pack added there is checked here too)', async () => {
    const packs = await listPacks();
    expect(packs.map((p) => path.basename(p.file))).toEqual(expect.arrayContaining(['jinhua-2015.json', 'qihe-qiyou-sample.json']));
    expect(packs.map((p) => p.pack.pack.id)).toEqual(expect.arrayContaining(['jinhua-2015', 'qihe-qiyou-sample']));
  });

  it('the pack schema compiles in Fastify\'s validator, accepts both packs and refuses an unknown field', async () => {
    // the Ajv options of server/src/app.ts
    const app = Fastify({ ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } } });
    app.post('/pack', { schema: { body: StandardPackSchema } }, async () => ({ ok: true }));
    await app.ready();
    for (const payload of [jinhuaJson, qiheJson]) {
      const res = await app.inject({ method: 'POST', url: '/pack', payload: payload as object });
      expect(res.statusCode).toBe(200);
    }
    const extra = structuredClone(jinhuaJson) as { pack: Record<string, unknown> };
    extra.pack.owner = 'x';
    expect((await app.inject({ method: 'POST', url: '/pack', payload: extra })).statusCode).toBe(400);
    await app.close();
  });
});

describe('Jinhua 2015 pack', () => {
  const count = (pack: StandardPack, tier: number, kind: string) =>
    requirementsForTier(pack, tier).filter((r) => r.kind === kind).length;

  it('carries the document, dates and deadline', () => {
    expect(jinhua.pack).toMatchObject({
      id: 'jinhua-2015', version: '1.0.0', issuer: '中共金华市直属机关工作委员会',
      issuedOn: '2015-12-07', effectiveFrom: '2015-12-07', coverageDeadline: '2016-06-30', essentialsLabel: '六有',
    });
    expect(jinhua.pack.effectiveTo).toBeUndefined();
  });

  it('has the six essentials and the five platforms', () => {
    expect(jinhua.essentials.map((e) => e.name)).toEqual(['有活动场所', '有设施设备', '有标志标识', '有书报专栏', '有管理制度', '有人员保障']);
    expect(jinhua.platforms.map((p) => p.name)).toEqual(['理论学习平台', '工作交流平台', '监督评价平台', '关心关爱平台', '风采展示平台']);
    // every essential and every platform is served by some requirement
    for (const e of jinhua.essentials) expect(jinhua.requirements.some((r) => r.essential === e.code)).toBe(true);
    for (const p of jinhua.platforms) expect(jinhua.requirements.some((r) => r.platforms.includes(p.code))).toBe(true);
  });

  it('has every numbered item: tier 1 4+5, tier 2 5+5, tier 3 2+5', () => {
    expect([1, 2, 3].map((t) => [count(jinhua, t, 'physical'), count(jinhua, t, 'digital')])).toEqual([[4, 5], [5, 5], [2, 5]]);
    expect(jinhua.requirements).toHaveLength(26);
    const codes = jinhua.requirements.map((r) => r.code);
    const expected = [1, 2, 3].flatMap((t) => {
      const phy = [4, 5, 2][t - 1];
      return [
        ...Array.from({ length: phy }, (_, i) => `T${t}-PHY-0${i + 1}`),
        ...Array.from({ length: 5 }, (_, i) => `T${t}-DIG-0${i + 1}`),
      ];
    });
    expect(codes).toEqual(expected);
    for (const r of jinhua.requirements) expect(r.tiers).toEqual([Number(r.code[1])]);
  });

  it('marks the 有条件的 items conditional, all others required', () => {
    const conditional = jinhua.requirements.filter((r) => r.conditional !== undefined);
    expect(conditional.map((r) => r.code)).toEqual(['T2-DIG-01', 'T3-DIG-01']);
    for (const r of conditional) expect(r.required).toBe(false);
    for (const r of jinhua.requirements.filter((x) => x.conditional === undefined)) expect(r.required).toBe(true);
  });

  it('has the 12 wall items, 6 required and 6 optional, plus the conditional 掠影 and 学习园地', () => {
    const numbered = jinhua.wallItems.filter((w) => w.conditional === undefined);
    expect(numbered).toHaveLength(12);
    expect(numbered.filter((w) => w.required).map((w) => w.code)).toEqual(['W01', 'W02', 'W03', 'W04', 'W05', 'W06']);
    expect(numbered.filter((w) => !w.required).map((w) => w.code)).toEqual(['W07', 'W08', 'W09', 'W10', 'W11', 'W12']);
    const extra = jinhua.wallItems.filter((w) => w.conditional !== undefined);
    expect(extra).toMatchObject([{ code: 'W13', name: '工作、活动掠影及学习园地', required: false }]);
    expect(jinhua.wallItems.find((w) => w.code === 'W04')?.replaceable).toBe(true);
    // the names are those of the tier 1 wall list in the text
    const t1Wall = jinhua.requirements.find((r) => r.code === 'T1-PHY-03')!;
    for (const w of jinhua.wallItems) expect(t1Wall.text).toContain(w.name);
  });

  it('expresses the tier 2 wall list (党旗、入党誓词、党员权利和义务) and the tier 1 list', () => {
    const t2 = tierWallList(jinhua, 2);
    expect(t2).toEqual({ required: ['W01.flag', 'W01.oath', 'W02', 'W03'], optional: [] });
    const names = t2.required.map((ref) => {
      const [code, part] = ref.split('.');
      const item = jinhua.wallItems.find((w) => w.code === code)!;
      return part ? item.parts!.find((p) => p.code === part)!.name : item.name;
    });
    expect(names).toEqual(['党旗', '入党誓词', '党员的权利', '党员的义务']);
    expect(tierWallList(jinhua, 1)).toEqual({
      required: ['W01', 'W02', 'W03', 'W04', 'W05', 'W06'],
      optional: ['W07', 'W08', 'W09', 'W10', 'W11', 'W12', 'W13'],
    });
    expect(tierWallList(jinhua, 3)).toEqual({ required: [], optional: [] });
  });

  it('carries the numbers and rules the text gives', () => {
    const req = (code: string) => jinhua.requirements.find((r) => r.code === code)!;
    const check = (code: string, type: string) => req(code).checks?.find((c) => c.type === type)?.params;
    expect(check('T1-PHY-01', 'seatsCoverMembers')).toEqual({ seatsPerMember: 1 });
    expect(check('T1-PHY-02', 'mediaEquipmentPresent')).toEqual({ anyOf: ['computerWithInternet', 'tvWithDvd'] });
    expect(check('T3-PHY-01', 'deskPlatesCoverMembers')).toEqual({ contents: ['W01.oath', 'W02', 'W03'] });
    expect(check('T1-PHY-04', 'ledgerArchived')).toEqual({ boundVolumes: true });
    for (const t of [1, 2, 3]) {
      expect(check(`T${t}-DIG-02`, 'chatGroupCoversAllMembers')).toEqual({ minCoverage: 1 });
      expect(check(`T${t}-DIG-03`, 'subscriptionFollowed')).toEqual({ account: '金华信义先锋', minFollowRate: 1 });
      expect(req(`T${t}-DIG-04`).resources).toEqual([{ kind: 'website', name: '共产党员网', url: 'https://www.12371.cn/' }]);
      expect(check(`T${t}-DIG-05`, 'dutyHolderNamed')).toEqual({ duty: 'evaluationManager' });
    }
    // 专人负责平台建设 is in the text of tiers 1 and 3, not of tier 2
    expect(check('T1-DIG-02', 'dutyHolderNamed')).toEqual({ duty: 'channelAdmin' });
    expect(check('T2-DIG-02', 'dutyHolderNamed')).toBeUndefined();
    expect(check('T3-DIG-02', 'dutyHolderNamed')).toEqual({ duty: 'channelAdmin' });
    // where the text gives no number, the check says where its number comes from
    for (const r of jinhua.requirements)
      for (const c of r.checks ?? [])
        if (['columnFresh', 'noticeBoardUpdated', 'wallItemsPhotographed'].includes(c.type) || (c.type === 'ledgerArchived' && 'maxDelayDays' in c.params))
          expect(c.note, `${r.code} ${c.type}`).toMatch(/本平台的核验口径/);
  });

  it('derives tier 1/2/3 from a dedicated, shared or absent activity room', () => {
    expect(deriveTier(jinhua, { 'activityRoom.kind': 'dedicated' })).toBe(1);
    expect(deriveTier(jinhua, { 'activityRoom.kind': 'shared', memberCount: 40 })).toBe(2);
    expect(deriveTier(jinhua, { 'activityRoom.kind': 'none' })).toBe(3);
    // a small dedicated room is still tier 1: area and seats are requirements, not the tier
    expect(deriveTier(jinhua, { 'activityRoom.kind': 'dedicated', 'activityRoom.areaM2': 10, 'activityRoom.seats': 2, memberCount: 30 })).toBe(1);
    expect(deriveTier(jinhua, {})).toBeNull();
  });
});

describe('the sample 七有 pack is shaped differently', () => {
  it('has seven essentials, three platforms, two tiers and its own wall items and deadline', () => {
    expect(qihe.essentials).toHaveLength(7);
    expect(qihe.pack.essentialsLabel).toBe('七有');
    expect(qihe.platforms).toHaveLength(3);
    expect(qihe.tiers.map((t) => t.tier)).toEqual([1, 2]);
    expect(qihe.pack.coverageDeadline).toBe('2026-11-30');
    expect(tierWallList(qihe, 2)).toEqual({ required: ['FLAG', 'OATH'], optional: ['PROFILES'] });
    expect(requirementsForTier(qihe, 1)).toHaveLength(10);
    expect(requirementsForTier(qihe, 2)).toHaveLength(8);
    expect(qihe.requirements.filter((r) => r.tiers.length === 2)).toHaveLength(7); // one requirement, two tiers
  });

  it('derives its tiers from area and seats, with tier 2 as the fallback', () => {
    const room = { 'activityRoom.kind': 'dedicated', 'activityRoom.areaM2': 36, 'activityRoom.seats': 20, memberCount: 18 } as const;
    expect(deriveTier(qihe, room)).toBe(1);
    expect(deriveTier(qihe, { ...room, 'activityRoom.areaM2': 30, 'activityRoom.seats': 18 })).toBe(1); // both bounds inclusive
    expect(deriveTier(qihe, { ...room, 'activityRoom.areaM2': 29.5 })).toBe(2);
    expect(deriveTier(qihe, { ...room, 'activityRoom.seats': 17 })).toBe(2);
    expect(deriveTier(qihe, { ...room, 'activityRoom.kind': 'shared' })).toBe(2);
    expect(deriveTier(qihe, { 'activityRoom.kind': 'none' })).toBe(2);
    expect(deriveTier(qihe, {})).toBe(2);
    // the same facts give another answer under Jinhua's rule
    expect(deriveTier(jinhua, { ...room, 'activityRoom.areaM2': 20 })).toBe(1);
  });
});

describe('evaluateCondition', () => {
  it('compares facts, and treats a missing fact as not matching', () => {
    const facts = { 'activityRoom.kind': 'shared', 'activityRoom.seats': 12, memberCount: 12, 'racks.newspaper': true } as const;
    expect(evaluateCondition({ fact: 'activityRoom.kind', in: ['dedicated', 'shared'] }, facts)).toBe(true);
    expect(evaluateCondition({ fact: 'activityRoom.seats', atLeast: { fact: 'memberCount' } }, facts)).toBe(true);
    expect(evaluateCondition({ fact: 'activityRoom.seats', atMost: 11 }, facts)).toBe(false);
    expect(evaluateCondition({ all: [{ fact: 'racks.newspaper', equals: true }, { not: { fact: 'activityRoom.kind', equals: 'none' } }] }, facts)).toBe(true);
    expect(evaluateCondition({ any: [{ fact: 'cabinets.bookcase', equals: true }, { fact: 'memberCount', atLeast: 13 }] }, facts)).toBe(false);
    // missing facts
    expect(evaluateCondition({ fact: 'activityRoom.areaM2', atLeast: 0 }, facts)).toBe(false);
    expect(evaluateCondition({ not: { fact: 'activityRoom.areaM2', atLeast: 0 } }, facts)).toBe(true);
    expect(evaluateCondition({ fact: 'activityRoom.areaM2', exists: false }, facts)).toBe(true);
    expect(evaluateCondition({ fact: 'activityRoom.seats', exists: true }, facts)).toBe(true);
    expect(evaluateCondition({ fact: 'activityRoom.seats', atLeast: { fact: 'deskPlates.count' } }, facts)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad packs: copy a good pack, break one thing, expect exactly that problem, named by file and item.
// ---------------------------------------------------------------------------------------------

type Mutable = Record<string, any>; // test fixtures are broken on purpose, so loosely typed
const FILE = 'jinhua-bad.json';

function problemsOf(json: unknown, file = FILE): string[] {
  try {
    validatePack(json, file);
  } catch (err) {
    expect(err).toBeInstanceOf(StandardPackError);
    return (err as StandardPackError).problems.map((p) => p.message);
  }
  throw new Error('the pack was accepted');
}

/** Each case breaks one thing; `expected` lists every problem it must cause (one line each, no more). */
const cases: { name: string; base?: 'jinhua' | 'qihe'; breakIt: (p: Mutable) => void; expected: string | string[] }[] = [
  {
    name: 'unknown essential',
    breakIt: (p) => { p.requirements[1].essential = 'venu'; },
    expected: 'jinhua-bad.json：要求 T1-PHY-02 的 essential “venu” 不在本标准的“六有”中',
  },
  {
    name: 'unknown platform',
    breakIt: (p) => { p.requirements[0].platforms.push('stduy'); },
    expected: '要求 T1-PHY-01 的 platforms[2] “stduy” 不在本标准的“五个平台”中',
  },
  {
    name: 'duplicate requirement code',
    breakIt: (p) => { p.requirements[2].code = 'T1-PHY-01'; },
    expected: '要求 T1-PHY-01（requirements[2]）的 code “T1-PHY-01” 与 requirements[0] 重复',
  },
  {
    name: 'duplicate wall item code',
    breakIt: (p) => { p.wallItems[7].code = 'W07'; },
    expected: '上墙内容 W07（wallItems[7]）的 code “W07” 与 wallItems[6] 重复',
  },
  {
    name: 'unknown check type',
    breakIt: (p) => { p.requirements[3].checks[0].type = 'ledgerIsNice'; },
    expected: '要求 T1-PHY-04 的 checks[0].type “ledgerIsNice” 不是已知的自动核验类型',
  },
  {
    name: 'bad check params (out of range)',
    breakIt: (p) => { p.requirements[2].checks[0].params.maxAgeDays = 0; },
    expected: '要求 T1-PHY-03 的 checks[0].params.maxAgeDays 应 ≥ 1，现为 0',
  },
  {
    name: 'bad check params (a param of another type)',
    breakIt: (p) => { p.requirements[8].checks[0].params = { maxDays: 30 }; },
    expected: ['要求 T1-DIG-05 的 checks[0].params.maxDays 是未知字段', '要求 T1-DIG-05 的 checks[0].params.duty 缺失（必填字段）'],
  },
  {
    name: 'bad check params (missing)',
    breakIt: (p) => { delete p.requirements[6].checks[0].params; },
    expected: '要求 T1-DIG-03 的 checks[0].params 缺失',
  },
  {
    name: 'check names a wall item that does not exist',
    breakIt: (p) => { p.requirements.find((r: Mutable) => r.code === 'T3-PHY-01').checks[1].params.contents[0] = 'W01.oathh'; },
    expected: '要求 T3-PHY-01 的 checks[1].params.contents[0] “W01.oathh” 不是本标准的上墙内容',
  },
  {
    name: 'condition on an unknown fact',
    breakIt: (p) => { p.tiers[0].when.fact = 'activityRoom.colour'; },
    expected: '阵地类别 1 的 when.fact “activityRoom.colour” 不是已知的阵地事实',
  },
  {
    name: 'condition value of the wrong type (enum)',
    breakIt: (p) => { p.tiers[1].when.equals = true; },
    expected: '阵地类别 2 的 when.equals true 不是 activityRoom.kind 的取值（可选：dedicated、shared、none）',
  },
  {
    name: 'condition value of the wrong type (boolean fact, in a check)',
    breakIt: (p) => { p.requirements[1].checks[0].params.when.all[0].equals = 'yes'; },
    expected: '要求 T1-PHY-02 的 checks[0].params.when.all[0].equals 应为 true 或 false（racks.newspaper 是布尔值），现为 “yes”',
  },
  {
    name: 'numeric comparison on a non-numeric fact',
    breakIt: (p) => { p.tiers[0].when = { fact: 'activityRoom.kind', atLeast: 1 }; },
    expected: '阵地类别 1 的 when.atLeast 只能用于数值事实',
  },
  {
    name: 'condition with two operators',
    base: 'qihe',
    breakIt: (p) => { p.tiers[0].when.all[1].atMost = 100; },
    expected: 'qihe-bad.json：阵地类别 1 的 when.all[1] 同时用了 atLeast、atMost',
  },
  {
    name: 'ratio out of range',
    base: 'qihe',
    breakIt: (p) => { p.tiers[0].when.all.push({ fact: 'chatGroups.memberCoverage', atLeast: 90 }); },
    expected: '阵地类别 1 的 when.all[3].atLeast 90 超出 chatGroups.memberCoverage 的取值范围',
  },
  {
    name: 'tier without requirements',
    breakIt: (p) => { p.requirements = p.requirements.filter((r: Mutable) => !r.tiers.includes(3)); },
    expected: '阵地类别 3 没有任何要求',
  },
  {
    name: 'requirement for a tier that does not exist',
    breakIt: (p) => { p.requirements[0].tiers = [1, 4]; },
    expected: '要求 T1-PHY-01 的 tiers[1] 4 不是本标准的阵地类别（tiers 只有 1、2、3）',
  },
  {
    name: 'tier conditions leave a room kind without a tier',
    breakIt: (p) => { p.tiers[2].when = { fact: 'activityRoom.kind', equals: 'dedicated' }; },
    expected: [
      '定类规则 tierRule 按 tiers 的顺序判断，activityRoom.kind 为 “none”（无活动场所）的阵地可能得不到任何类别',
      '阵地类别 3 的 when 永远不会成立：按顺序判断时，它的情形都已被前面的类别取走',
    ],
  },
  {
    name: 'a non-fallback tier without a condition',
    breakIt: (p) => { delete p.tiers[2].when; },
    expected: '阵地类别 3 的 when 缺失：只有 tierRule.fallbackTier 指定的兜底类别可以不写条件',
  },
  {
    name: 'fallback tier that does not exist',
    base: 'qihe',
    breakIt: (p) => { p.tierRule.fallbackTier = 5; },
    expected: [
      '定类规则 tierRule 的 fallbackTier 5 不是本标准的阵地类别（tiers 只有 1、2）',
      '阵地类别 2 的 when 缺失：只有 tierRule.fallbackTier 指定的兜底类别可以不写条件',
    ],
  },
  {
    name: 'tier wall list names an unknown part',
    breakIt: (p) => { p.tiers[1].wallList[0] = 'W01.flags'; },
    expected: '阵地类别 2 的 wallList[0] “W01.flags” 不是本标准的上墙内容或其组成部分（parts）',
  },
  {
    name: 'conditional requirement marked required',
    breakIt: (p) => { p.requirements.find((r: Mutable) => r.code === 'T2-DIG-01').required = true; },
    expected: '要求 T2-DIG-01 的 required 应为 false',
  },
  {
    name: 'deadline before the effective date',
    breakIt: (p) => { p.pack.coverageDeadline = '2015-06-30'; },
    expected: '标准信息 pack 的 coverageDeadline “2015-06-30” 早于 effectiveFrom “2015-12-07”',
  },
  {
    name: 'a date that does not exist',
    breakIt: (p) => { p.pack.coverageDeadline = '2016-06-31'; },
    expected: '标准信息 pack 的 coverageDeadline “2016-06-31” 不是有效日期',
  },
  {
    name: 'a date in the wrong format',
    breakIt: (p) => { p.pack.issuedOn = '2015/12/07'; },
    expected: '标准信息 pack 的 issuedOn “2015/12/07” 格式不对：应为 YYYY-MM-DD',
  },
  {
    name: 'extra unknown field',
    breakIt: (p) => { p.requirements[4].colour = 'red'; },
    expected: '要求 T1-DIG-01 的 colour 是未知字段',
  },
  {
    name: 'singular "check" instead of "checks"',
    breakIt: (p) => { p.requirements[4].check = p.requirements[4].checks[0]; delete p.requirements[4].checks; },
    expected: '要求 T1-DIG-01 的 check 是未知字段：本格式没有这个字段，是不是 checks？',
  },
  {
    name: 'missing required field',
    breakIt: (p) => { delete p.requirements[5].text; },
    expected: '要求 T1-DIG-02 的 text 缺失（必填字段）',
  },
  {
    name: 'unknown evidence type',
    breakIt: (p) => { p.requirements[0].evidence = ['photo', 'video']; },
    expected: '要求 T1-PHY-01 的 evidence[1] “video” 不是允许的取值（可选：photo、document、link、record）',
  },
  {
    name: 'wrong format version',
    breakIt: (p) => { p.format = 2; },
    expected: '标准包 的 format 应为 1，现为 2',
  },
];

describe('bad packs are rejected with the file, the item and the problem', () => {
  it.each(cases)('$name', ({ base = 'jinhua', breakIt, expected }) => {
    const pack = structuredClone(base === 'jinhua' ? jinhuaJson : qiheJson) as Mutable;
    breakIt(pack);
    const file = `${base}-bad.json`;
    const problems = problemsOf(pack, file);
    const fragments = typeof expected === 'string' ? [expected] : expected;
    expect(problems, problems.join('\n')).toHaveLength(fragments.length);
    for (const m of problems) expect(m.startsWith(`${file}：`)).toBe(true);
    for (const f of fragments) expect(problems.some((m) => m.includes(f)), `${f}\n---\n${problems.join('\n')}`).toBe(true);
  });

  it('reports every problem of a pack at once', () => {
    const pack = structuredClone(jinhuaJson) as Mutable;
    pack.requirements[1].essential = 'venu';
    pack.requirements[2].code = 'T1-PHY-01';
    pack.requirements[3].checks[0].type = 'ledgerIsNice';
    pack.requirements[2].checks[0].params.maxAgeDays = 'a year';
    pack.tiers[0].when.fact = 'activityRoom.colour';
    pack.pack.coverageDeadline = '2015-06-30';
    pack.pack.owner = 'someone';
    pack.requirements = pack.requirements.filter((r: Mutable) => !r.tiers.includes(3));
    const problems = problemsOf(pack);
    expect(problems, problems.join('\n')).toHaveLength(8);
    for (const fragment of [
      '要求 T1-PHY-02 的 essential “venu”',
      '的 code “T1-PHY-01” 与 requirements[0] 重复',
      '要求 T1-PHY-04 的 checks[0].type “ledgerIsNice”',
      '（requirements[2]）的 checks[0].params.maxAgeDays 应为整数，现为 “a year”',
      '阵地类别 1 的 when.fact “activityRoom.colour”',
      'coverageDeadline “2015-06-30” 早于 effectiveFrom',
      '标准信息 pack 的 owner 是未知字段',
      '阵地类别 3 没有任何要求',
    ]) expect(problems.some((m) => m.includes(fragment)), fragment).toBe(true);
  });

  it('the error is a VALIDATION AppError with one detail per problem and its field path', () => {
    const pack = structuredClone(jinhuaJson) as Mutable;
    pack.requirements[1].essential = 'venu';
    pack.wallItems[12].required = true;
    try {
      validatePack(pack, FILE);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      const e = err as StandardPackError;
      expect(e.code).toBe('VALIDATION');
      expect(e.status).toBe(400);
      expect(e.details?.map((d) => d.field)).toEqual(['wallItems[12].required', 'requirements[1].essential']);
      expect(e.problems.map((p) => p.item)).toEqual(['上墙内容 W13', '要求 T1-PHY-02']);
      expect(e.message).toContain('共 2 个问题');
    }
  });

  it('rejects something that is not a pack at all', () => {
    expect(problemsOf([])).toEqual(['jinhua-bad.json：标准包 应为 JSON 对象（{ "format": 1, "pack": {...}, ... }），现为 数组']);
  });
});

describe('files', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'zhendi-packs-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('loadPack names the file when its JSON does not parse', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{\n  "format": 1,\n  "pack": {,\n}');
    await expect(loadPack(file)).rejects.toThrow(/broken\.json：标准包 不是合法的 JSON（第 3 行/);
  });

  it('listPacks reports the problems of every file, and one version of an id twice', async () => {
    const sub = await mkdtemp(path.join(dir, 'list-'));
    const good = await readFile(JINHUA, 'utf8');
    await writeFile(path.join(sub, 'a-jinhua.json'), good);
    await writeFile(path.join(sub, 'b-jinhua-copy.json'), good);
    const bad = JSON.parse(good) as Mutable;
    bad.requirements[0].essential = 'nope';
    await writeFile(path.join(sub, 'c-bad.json'), JSON.stringify(bad));
    await writeFile(path.join(sub, 'README.md'), 'not a pack');
    const err = await listPacks(sub).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StandardPackError);
    const messages = (err as StandardPackError).problems.map((p) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^c-bad\.json：要求 T1-PHY-01 的 essential “nope”/);
    expect(messages[1]).toMatch(/^b-jinhua-copy\.json：标准信息 pack 的 version “1\.0\.0” 与 a-jinhua\.json 重复/);
  });
});
