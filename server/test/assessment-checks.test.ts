// Automatic checks (系统核验, assessment.checks.ts) against the real Jinhua pack: every check type's pass, fail and
// "cannot tell" answers, and that each result shows the person what the system looked at.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck, runChecks, type CheckContext } from '../src/modules/assessment/assessment.checks.js';
import { loadPack, STANDARDS_DIR, tierWallList } from '../src/modules/standard/standard.pack.js';
import type { Check, StandardPack } from '../../contracts/standard.js';
import { AUTOMATIC_CHECK_LABELS, AUTOMATIC_CHECK_TYPES } from '../../contracts/standard-labels.js';
import type { CheckResult } from '../../contracts/assessment.js';

let pack: StandardPack;
const TODAY = '2026-03-01';
const AT = '2026-03-01T02:00:00.000Z';

beforeAll(async () => {
  pack = await loadPack(path.join(STANDARDS_DIR, 'jinhua-2015.json'));
});

/** The check of this type on this requirement of the pack (so the pack's own parameters are used). */
function checkOf(code: string, type: Check['type']): Check {
  const r = pack.requirements.find((x) => x.code === code);
  const c = r?.checks?.find((x) => x.type === type);
  if (!c) throw new Error(`no ${type} check on ${code}`);
  return c;
}
const ctxOf = (over: Partial<CheckContext> = {}): CheckContext => ({ pack, tier: 2, facts: {}, photoDates: new Map(), today: TODAY, ...over });
const run = (code: string, type: Check['type'], over: Partial<CheckContext> = {}) => runCheck(checkOf(code, type), ctxOf(over));
/** What was looked at, as label -> value. */
const looked = (r: CheckResult) => Object.fromEntries(r.looked.map((l) => [l.label, l.value]));
const daysAgo = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('the pack uses every check type', () => {
  it('each type appears on some requirement of the Jinhua pack and carries its label', () => {
    const used = new Set(pack.requirements.flatMap((r) => (r.checks ?? []).map((c) => c.type)));
    expect([...used].sort()).toEqual([...AUTOMATIC_CHECK_TYPES].sort());
    const r = run('T1-DIG-05', 'dutyHolderNamed');
    expect(r).toMatchObject({ type: 'dutyHolderNamed', label: AUTOMATIC_CHECK_LABELS.dutyHolderNamed });
  });
});

describe('seatsCoverMembers (T1-PHY-01: one seat per member)', () => {
  it('passes with a seat for every member on the roll', () => {
    const r = run('T1-PHY-01', 'seatsCoverMembers', { facts: { 'activityRoom.seats': 12, memberCount: 12 } });
    expect(r.outcome).toBe('pass');
    expect(r.message).toBe('座位 12 个，满足 12 名党员的需要');
    expect(looked(r)).toEqual({ '活动室桌椅（座位）数': '12 个', '党员人数（党员名册）': '12 人' });
  });
  it('fails with fewer seats than members, saying how many are needed', () => {
    const r = run('T1-PHY-01', 'seatsCoverMembers', { facts: { 'activityRoom.seats': 11, memberCount: 12 } });
    expect(r.outcome).toBe('fail');
    expect(r.message).toBe('座位 11 个，少于需要的 12 个');
    expect(looked(r)['活动室桌椅（座位）数']).toBe('11 个');
  });
  it('cannot tell while the profile has no seat count', () => {
    const r = run('T1-PHY-01', 'seatsCoverMembers', { facts: { memberCount: 5 } });
    expect(r.outcome).toBe('unknown');
    expect(r.message).toContain('未填写活动室座位数');
    expect(looked(r)).toEqual({ '活动室桌椅（座位）数': '未填写', '党员人数（党员名册）': '5 人' });
  });
});

describe('mediaEquipmentPresent (T1-PHY-02: a computer with internet, or a TV with DVD)', () => {
  const labels = ['电教设备：电脑一台并连接互联网', '电教设备：电视机一台、DVD 播放机一台'];
  it('passes with either kind of equipment', () => {
    const r = run('T1-PHY-02', 'mediaEquipmentPresent', { facts: { 'mediaEquipment.computerWithInternet': false, 'mediaEquipment.tvWithDvd': true } });
    expect(r.outcome).toBe('pass');
    expect(looked(r)).toEqual({ [labels[0]]: '否', [labels[1]]: '是' });
  });
  it('fails when the profile says neither is there', () => {
    const r = run('T1-PHY-02', 'mediaEquipmentPresent', { facts: { 'mediaEquipment.computerWithInternet': false, 'mediaEquipment.tvWithDvd': false } });
    expect(r.outcome).toBe('fail');
    expect(r.message).toContain('未配备电教设备');
  });
  it('cannot tell when one is "no" and the other not filled in', () => {
    const r = run('T1-PHY-02', 'mediaEquipmentPresent', { facts: { 'mediaEquipment.computerWithInternet': false } });
    expect(r.outcome).toBe('unknown');
    expect(looked(r)).toEqual({ [labels[0]]: '否', [labels[1]]: '未填写' });
  });
});

describe('wallItemsPhotographed (T1-PHY-03 / T2-PHY-03: every required wall item has a photo within 365 days)', () => {
  const TIER1 = ['W01', 'W02', 'W03', 'W04', 'W05', 'W06'];
  const dates = (codes: string[], date: string) => new Map(codes.map((c) => [c, date]));

  it('tier 1 asks for the six required wall items of the catalogue', () => {
    expect(tierWallList(pack, 1).required).toEqual(TIER1);
  });
  it('tier 1 passes when all six have a recent photo, listing each photo\'s date and age', () => {
    const r = run('T1-PHY-03', 'wallItemsPhotographed', { tier: 1, photoDates: dates(TIER1, daysAgo(30)) });
    expect(r.outcome).toBe('pass');
    expect(r.message).toBe('6 项上墙内容都有 365 天内的照片');
    expect(r.looked).toHaveLength(6);
    expect(looked(r)['上墙照片：党员的权利']).toBe(`${daysAgo(30)} 拍摄（30 天前）`);
    expect(looked(r)['上墙照片：党旗、入党誓词、党的宗旨、指导思想']).toBe(`${daysAgo(30)} 拍摄（30 天前）`);
  });
  it('a photo exactly 365 days old still counts; 366 days does not', () => {
    const photoDates = dates(TIER1, daysAgo(10));
    photoDates.set('W04', daysAgo(365));
    expect(run('T1-PHY-03', 'wallItemsPhotographed', { tier: 1, photoDates }).outcome).toBe('pass');
    photoDates.set('W04', daysAgo(366));
    const r = run('T1-PHY-03', 'wallItemsPhotographed', { tier: 1, photoDates });
    expect(r.outcome).toBe('fail');
    expect(r.message).toBe('缺少近期照片：党支部书记、委员或党员风采（照片已超过 365 天）');
    expect(looked(r)['上墙照片：党支部书记、委员或党员风采']).toBe(`${daysAgo(366)} 拍摄（366 天前）`);
  });
  it('fails naming the items without a photo, and shows "无" for them', () => {
    const r = run('T1-PHY-03', 'wallItemsPhotographed', { tier: 1, photoDates: dates(['W01', 'W03', 'W04', 'W05', 'W06'], daysAgo(1)) });
    expect(r.outcome).toBe('fail');
    expect(r.message).toBe('缺少近期照片：党员的权利');
    expect(looked(r)['上墙照片：党员的权利']).toBe('无');
  });
  it('with no photos at all it fails (it never answers "cannot tell"), shortening a long list', () => {
    const r = run('T1-PHY-03', 'wallItemsPhotographed', { tier: 1 });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(/^缺少近期照片：.+ 等 6 项$/);
    expect(r.looked.map((l) => l.value)).toEqual(Array(6).fill('无'));
  });
  it('tier 2 follows its own wall list: parts of W01 by their own names, covered by a photo of W01', () => {
    expect(tierWallList(pack, 2).required).toEqual(['W01.flag', 'W01.oath', 'W02', 'W03']);
    const ok = run('T2-PHY-03', 'wallItemsPhotographed', { tier: 2, photoDates: dates(['W01', 'W02', 'W03'], daysAgo(5)) });
    expect(ok.outcome).toBe('pass');
    expect(ok.message).toBe('4 项上墙内容都有 365 天内的照片');
    expect(Object.keys(looked(ok))).toEqual(['上墙照片：党旗', '上墙照片：入党誓词', '上墙照片：党员的权利', '上墙照片：党员的义务']);
    // Tier 2 does not ask for W04-W06: their absence does not matter.
    const noW01 = run('T2-PHY-03', 'wallItemsPhotographed', { tier: 2, photoDates: dates(['W02', 'W03'], daysAgo(5)) });
    expect(noW01.outcome).toBe('fail');
    expect(noW01.message).toBe('缺少近期照片：党旗、入党誓词');
    expect(looked(noW01)).toMatchObject({ '上墙照片：党旗': '无', '上墙照片：入党誓词': '无' });
  });
});

describe('dutyHolderNamed (T1-DIG-05: an evaluation manager)', () => {
  it('passes with a name, fails on "no", cannot tell on "yes" without a name or on nothing', () => {
    const named = run('T1-DIG-05', 'dutyHolderNamed', { facts: { 'dutyHolders.evaluationManager': true, 'dutyHolders.evaluationManagerName': ' 王芳 ' } });
    const yes = run('T1-DIG-05', 'dutyHolderNamed', { facts: { 'dutyHolders.evaluationManager': true } });
    const no = run('T1-DIG-05', 'dutyHolderNamed', { facts: { 'dutyHolders.evaluationManager': false } });
    const blank = run('T1-DIG-05', 'dutyHolderNamed', { facts: { 'dutyHolders.channelAdmin': true } });
    expect([named.outcome, yes.outcome, no.outcome, blank.outcome]).toEqual(['pass', 'unknown', 'fail', 'unknown']);
    expect(named.message).toBe('考评管理负责人：王芳');
    expect(yes.message).toContain('填写考评管理负责人的姓名');
    expect(no.message).toMatch(/^尚未明确/);
    expect([named, yes, no, blank].map((r) => looked(r)['考评管理工作有专人负责'])).toEqual(['是', '是', '否', '未填写']);
    expect(looked(named)['考评管理负责人']).toBe('王芳');
  });
});

describe('columnFresh (T1-DIG-01): the system has no publishing records yet', () => {
  it('always cannot tell, showing the site and column addresses it has and asking for a screenshot or link', () => {
    const filled = run('T1-DIG-01', 'columnFresh', { facts: { 'channels.siteUrl': 'https://dj.example.cn', 'channels.columnUrl': 'https://dj.example.cn/col' } });
    expect(filled.outcome).toBe('unknown');
    expect(filled.message).toContain('近 30 天内更新的截图或链接');
    expect(looked(filled)).toEqual({ 党建网站地址: 'https://dj.example.cn', 专题党建栏目地址: 'https://dj.example.cn/col' });
    const blank = run('T1-DIG-01', 'columnFresh');
    expect(blank.outcome).toBe('unknown');
    expect(looked(blank)).toEqual({ 党建网站地址: '未填写', 专题党建栏目地址: '未填写' });
  });
});

describe('chatGroupCoversAllMembers (T1-DIG-02: every member in the chat group)', () => {
  it('passes at full coverage, fails below it showing the percentage, cannot tell when blank', () => {
    const full = run('T1-DIG-02', 'chatGroupCoversAllMembers', { facts: { 'chatGroups.memberCoverage': 1 } });
    const part = run('T1-DIG-02', 'chatGroupCoversAllMembers', { facts: { 'chatGroups.memberCoverage': 0.955 } });
    const blank = run('T1-DIG-02', 'chatGroupCoversAllMembers');
    expect([full.outcome, part.outcome, blank.outcome]).toEqual(['pass', 'fail', 'unknown']);
    expect(part.message).toBe('微信群只覆盖 95.5% 的党员，应达到 100%');
    expect([full, part, blank].map((r) => looked(r)['党支部微信群覆盖的党员比例'])).toEqual(['100%', '95.5%', '未填写']);
  });
});

describe('subscriptionFollowed (T1-DIG-03: every member follows 金华信义先锋)', () => {
  it('passes at 100%, fails below, cannot tell when blank; names the account', () => {
    const label = '关注订阅号的党员比例（金华信义先锋）';
    const all = run('T1-DIG-03', 'subscriptionFollowed', { facts: { 'subscription.followRate': 1 } });
    const some = run('T1-DIG-03', 'subscriptionFollowed', { facts: { 'subscription.followRate': 0.8 } });
    const blank = run('T1-DIG-03', 'subscriptionFollowed');
    expect([all.outcome, some.outcome, blank.outcome]).toEqual(['pass', 'fail', 'unknown']);
    expect(some.message).toBe('只有 80% 的党员关注了金华信义先锋，应达到 100%');
    expect([all, some, blank].map((r) => looked(r)[label])).toEqual(['100%', '80%', '未填写']);
  });
});

describe('noticeBoardUpdated (T2-PHY-05: the notice board photographed within 90 days)', () => {
  it('passes with a photo 90 days old or newer, fails when older, cannot tell without one', () => {
    const fresh = run('T2-PHY-05', 'noticeBoardUpdated', { photoDates: new Map([['noticeBoard', daysAgo(90)]]) });
    const stale = run('T2-PHY-05', 'noticeBoardUpdated', { photoDates: new Map([['noticeBoard', daysAgo(91)]]) });
    // A photo of the disclosure board does not count for the notice board.
    const none = run('T2-PHY-05', 'noticeBoardUpdated', { photoDates: new Map([['disclosureBoard', daysAgo(1)]]) });
    expect([fresh.outcome, stale.outcome, none.outcome]).toEqual(['pass', 'fail', 'unknown']);
    expect(fresh.message).toBe('宣传窗 90 天前更新');
    expect(stale.message).toBe('宣传窗已 91 天未更新（应在 90 天内）');
    expect(none.message).toContain('没有宣传窗的照片');
    expect([fresh, stale, none].map((r) => looked(r)['宣传窗最近一次照片'])).toEqual([daysAgo(90), daysAgo(91), '无']);
  });
});

describe('deskPlatesCoverMembers (T3-PHY-01: a desk plate per member)', () => {
  it('passes with a plate per member, fails with fewer, cannot tell when blank', () => {
    const ok = run('T3-PHY-01', 'deskPlatesCoverMembers', { tier: 3, facts: { 'deskPlates.count': 8, memberCount: 8 } });
    const short = run('T3-PHY-01', 'deskPlatesCoverMembers', { tier: 3, facts: { 'deskPlates.count': 7, memberCount: 8 } });
    const blank = run('T3-PHY-01', 'deskPlatesCoverMembers', { tier: 3, facts: { memberCount: 8 } });
    expect([ok.outcome, short.outcome, blank.outcome]).toEqual(['pass', 'fail', 'unknown']);
    expect(short.message).toBe('只有 7 个桌牌，少于党员人数 8');
    expect(looked(short)).toEqual({ 党员办公桌上的桌牌数: '7 个', '党员人数（党员名册）': '8 人' });
    expect(looked(blank)['党员办公桌上的桌牌数']).toBe('未填写');
  });
});

describe('ledgerArchived (T1-PHY-04): the system has no ledger records yet', () => {
  it('always cannot tell, and asks for a photo or table of contents', () => {
    const r = run('T1-PHY-04', 'ledgerArchived', { facts: { 'racks.newspaper': true } });
    expect(r.outcome).toBe('unknown');
    expect(r.message).toContain('请上传台帐照片或目录');
    expect(r.looked).toEqual([]);
  });
});

describe('factsHold (T1-PHY-02: a newspaper rack and a bookcase)', () => {
  const labels = ['专门报刊架', '档案柜或木制书柜'];
  it('passes when the condition holds, showing each fact it looked at', () => {
    const r = run('T1-PHY-02', 'factsHold', { facts: { 'racks.newspaper': true, 'cabinets.bookcase': true } });
    expect(r.outcome).toBe('pass');
    expect(r.message).toBe('符合：有专门报刊架；有档案柜或木制书柜');
    expect(looked(r)).toEqual({ [labels[0]]: '是', [labels[1]]: '是' });
  });
  it('fails when a fact contradicts it', () => {
    const r = run('T1-PHY-02', 'factsHold', { facts: { 'racks.newspaper': true, 'cabinets.bookcase': false } });
    expect(r.outcome).toBe('fail');
    expect(r.message).toBe('不符合：有专门报刊架；有档案柜或木制书柜');
    expect(looked(r)).toEqual({ [labels[0]]: '是', [labels[1]]: '否' });
  });
  it('cannot tell when none of its facts is filled in', () => {
    const r = run('T1-PHY-02', 'factsHold');
    expect(r.outcome).toBe('unknown');
    expect(r.message).toBe('阵地档案未填写完整，无法核验：有专门报刊架；有档案柜或木制书柜');
    expect(looked(r)).toEqual({ [labels[0]]: '未填写', [labels[1]]: '未填写' });
  });
  // With one fact "yes" and the other not filled in, nothing says the org lacks it: "cannot tell", as
  // mediaEquipmentPresent answers in the same situation (it once answered "fail").
  it('cannot tell when a needed fact is still blank and the others hold', () => {
    const r = run('T1-PHY-02', 'factsHold', { facts: { 'racks.newspaper': true } });
    expect(r.outcome).toBe('unknown');
  });
});

describe('runChecks: all checks of a requirement together', () => {
  const T1_DIG_02 = () => pack.requirements.find((r) => r.code === 'T1-DIG-02')!.checks;
  const allGood = { 'channels.microChannel': true, 'screensaver.deployed': true, 'chatGroups.memberCoverage': 1, 'dutyHolders.channelAdmin': true, 'dutyHolders.channelAdminName': '李明' };

  it('is null for a requirement without checks', () => {
    const plain = pack.requirements.find((r) => !r.checks || r.checks.length === 0)!;
    expect(runChecks(plain.checks, ctxOf(), AT)).toBeNull();
    expect(runChecks([], ctxOf(), AT)).toBeNull();
  });
  it('passes only when every check passes, keeping each result in order with the time', () => {
    const a = runChecks(T1_DIG_02(), ctxOf({ tier: 1, facts: allGood }), AT)!;
    expect(a.outcome).toBe('pass');
    expect(a.at).toBe(AT);
    expect(a.checks.map((c) => [c.type, c.outcome])).toEqual([['factsHold', 'pass'], ['chatGroupCoversAllMembers', 'pass'], ['dutyHolderNamed', 'pass']]);
  });
  it('fails when any check fails, even if another cannot tell', () => {
    const { 'dutyHolders.channelAdmin': _, 'dutyHolders.channelAdminName': _name, ...rest } = allGood;
    const a = runChecks(T1_DIG_02(), ctxOf({ tier: 1, facts: { ...rest, 'chatGroups.memberCoverage': 0.5 } }), AT)!;
    expect(a.checks.map((c) => c.outcome)).toEqual(['pass', 'fail', 'unknown']);
    expect(a.outcome).toBe('fail');
  });
  it('cannot tell when none fails but one cannot tell', () => {
    const { 'dutyHolders.channelAdmin': _, 'dutyHolders.channelAdminName': _name, ...rest } = allGood;
    const a = runChecks(T1_DIG_02(), ctxOf({ tier: 1, facts: rest }), AT)!;
    expect(a.checks.map((c) => c.outcome)).toEqual(['pass', 'pass', 'unknown']);
    expect(a.outcome).toBe('unknown');
  });
});

describe('checks fed by the digital base (columns, micro channel)', () => {
  it('columnFresh reads the org\'s column in this system: fresh passes, stale or never published fails', () => {
    const fresh = run('T1-DIG-01', 'columnFresh', { column: { lastPublishedAt: '2026-02-20T02:00:00.000Z', days: 9 } });
    const stale = run('T1-DIG-01', 'columnFresh', { column: { lastPublishedAt: '2025-10-01T02:00:00.000Z', days: 151 } });
    const never = run('T1-DIG-01', 'columnFresh', { column: { lastPublishedAt: null, days: null } });
    expect([fresh.outcome, stale.outcome, never.outcome]).toEqual(['pass', 'fail', 'fail']);
    expect(stale.message).toContain('151 天未更新');
    expect(never.message).toContain('还没有发布过文章');
    expect(looked(fresh)['本系统栏目最近一次发布']).toBe('2026-02-20（9 天前）');
  });
  it('chatGroupCoversAllMembers takes the measured micro-channel reach when it is better than the declared one', () => {
    const measured = run('T1-DIG-02', 'chatGroupCoversAllMembers', { facts: { 'chatGroups.memberCoverage': 0.5 }, reach: { members: 20, withAccount: 20 } });
    expect(measured.outcome).toBe('pass');
    expect(looked(measured)['微党建覆盖（有账号的党员 / 在册党员）']).toBe('20 / 20（100%）');
    const short = run('T1-DIG-02', 'chatGroupCoversAllMembers', { reach: { members: 20, withAccount: 15 } });
    expect(short.outcome).toBe('fail');
    expect(short.message).toContain('75%');
  });
});
