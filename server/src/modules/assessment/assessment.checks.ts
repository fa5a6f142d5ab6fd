// Automatic checks (系统核验): what the system's own data says about a requirement, and what it looked at.
// Pure: the caller gathers the data (base facts with the member count, dated wall and board photos, today).
import type { Check, StandardPack } from '../../../../contracts/standard.js';
import { AUTOMATIC_CHECK_LABELS, BASE_FACTS, DUTY_LABELS, MEDIA_EQUIPMENT_KINDS, type BaseFactName } from '../../../../contracts/standard.js';
import type { AutoCheck, CheckOutcome, CheckResult } from '../../../../contracts/assessment.js';
import { daysBetween } from '../../platform/clock.js';
import { evaluateKnown, tierWallList } from '../standard/standard.pack.js';

export interface CheckContext {
  pack: StandardPack;
  tier: number;
  /** Base facts, memberCount included (from the member roll). */
  facts: Readonly<Record<string, unknown>>;
  /** The newest photo date per wall item code or board ('noticeBoard', 'disclosureBoard'). */
  photoDates: ReadonlyMap<string, string>;
  today: string;
  /** The org's column in this system (undefined: not looked up; null: the org runs none here). */
  column?: { lastPublishedAt: string | null; days: number | null } | null;
  /** The micro channel's reach: members on the roll and those with an account who receive notices. */
  reach?: { members: number; withAccount: number } | null;
}

const yesNo = (v: unknown) => (v === true ? '是' : v === false ? '否' : '未填写');
const pct = (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : '未填写');
const shown = (v: unknown, unit = '') => (v === undefined || v === null || v === '' ? '未填写' : `${String(v)}${unit}`);
const fact = (name: BaseFactName) => BASE_FACTS[name].label;
const result = (check: Check, outcome: CheckOutcome, message: string, looked: CheckResult['looked']): CheckResult =>
  ({ type: check.type, label: AUTOMATIC_CHECK_LABELS[check.type], outcome, message, looked });

/** The name of a wall item or of one of its parts ('W01.flag'). */
function wallName(pack: StandardPack, ref: string): string {
  const [code, part] = ref.split('.');
  const item = pack.wallItems.find((w) => w.code === code);
  if (!item) return ref;
  return part ? item.parts?.find((p) => p.code === part)?.name ?? ref : item.name;
}

export function runCheck(check: Check, ctx: CheckContext): CheckResult {
  const f = ctx.facts;
  const members = typeof f.memberCount === 'number' ? f.memberCount : 0;
  switch (check.type) {
    case 'seatsCoverMembers': {
      const seats = f['activityRoom.seats'];
      const need = Math.ceil(check.params.seatsPerMember * members);
      const looked = [{ label: fact('activityRoom.seats'), value: shown(seats, ' 个') }, { label: '党员人数（党员名册）', value: `${members} 人` }];
      if (typeof seats !== 'number') return result(check, 'unknown', '阵地档案未填写活动室座位数', looked);
      return seats >= need
        ? result(check, 'pass', `座位 ${seats} 个，满足 ${members} 名党员的需要`, looked)
        : result(check, 'fail', `座位 ${seats} 个，少于需要的 ${need} 个`, looked);
    }
    case 'mediaEquipmentPresent': {
      const kinds = check.params.anyOf.filter((k) => (MEDIA_EQUIPMENT_KINDS as readonly string[]).includes(k));
      const looked = kinds.map((k) => ({ label: fact(`mediaEquipment.${k}` as BaseFactName), value: yesNo(f[`mediaEquipment.${k}`]) }));
      if (kinds.some((k) => f[`mediaEquipment.${k}`] === true)) return result(check, 'pass', '已配备电教设备', looked);
      if (kinds.every((k) => f[`mediaEquipment.${k}`] === false)) return result(check, 'fail', '阵地档案显示未配备电教设备', looked);
      return result(check, 'unknown', '阵地档案未填写电教设备情况', looked);
    }
    case 'wallItemsPhotographed': {
      const items = check.params.items ?? tierWallList(ctx.pack, ctx.tier).required;
      const looked: CheckResult['looked'] = [];
      const missing: string[] = [];
      for (const ref of items) {
        const date = ctx.photoDates.get(ref.split('.')[0]);
        const name = wallName(ctx.pack, ref);
        if (!date) { missing.push(name); looked.push({ label: `上墙照片：${name}`, value: '无' }); continue; }
        const age = daysBetween(date, ctx.today);
        looked.push({ label: `上墙照片：${name}`, value: `${date} 拍摄（${age} 天前）` });
        if (age > check.params.maxAgeDays) missing.push(`${name}（照片已超过 ${check.params.maxAgeDays} 天）`);
      }
      return missing.length === 0
        ? result(check, 'pass', `${items.length} 项上墙内容都有 ${check.params.maxAgeDays} 天内的照片`, looked)
        : result(check, 'fail', `缺少近期照片：${missing.slice(0, 4).join('、')}${missing.length > 4 ? ` 等 ${missing.length} 项` : ''}`, looked);
    }
    case 'dutyHolderNamed': {
      // Named means a person's name in the profile; "yes, someone" without a name cannot be checked.
      const flag = `dutyHolders.${check.params.duty}` as BaseFactName;
      const nameFact = `dutyHolders.${check.params.duty}Name` as BaseFactName;
      const v = f[flag];
      const person = typeof f[nameFact] === 'string' ? (f[nameFact] as string).trim() : '';
      const looked = [{ label: fact(flag), value: yesNo(v) }, { label: fact(nameFact), value: person || '未填写' }];
      const duty = DUTY_LABELS[check.params.duty];
      if (person) return result(check, 'pass', `${duty}：${person}`, looked);
      if (v === false) return result(check, 'fail', `尚未明确${duty}`, looked);
      if (v === true) return result(check, 'unknown', `已有专人负责，请在阵地档案中填写${duty}的姓名`, looked);
      return result(check, 'unknown', '阵地档案未填写专人负责情况', looked);
    }
    case 'columnFresh': {
      const looked: CheckResult['looked'] = [
        { label: fact('channels.siteUrl'), value: shown(f['channels.siteUrl']) },
        { label: fact('channels.columnUrl'), value: shown(f['channels.columnUrl']) },
      ];
      const col = ctx.column;
      if (col) {
        looked.unshift({ label: '本系统栏目最近一次发布', value: col.lastPublishedAt ? `${col.lastPublishedAt.slice(0, 10)}（${col.days} 天前）` : '尚未发布' });
        if (col.days === null) return result(check, 'fail', '本组织的栏目还没有发布过文章', looked);
        return col.days <= check.params.maxDays
          ? result(check, 'pass', `栏目 ${col.days} 天前更新，在 ${check.params.maxDays} 天以内`, looked)
          : result(check, 'fail', `栏目已 ${col.days} 天未更新（应在 ${check.params.maxDays} 天内）`, looked);
      }
      return result(check, 'unknown', `本组织在本系统中没有栏目；如使用其他网站，请上传近 ${check.params.maxDays} 天内更新的截图或链接`, looked);
    }
    case 'chatGroupCoversAllMembers': {
      const v = f['chatGroups.memberCoverage'];
      const looked: CheckResult['looked'] = [{ label: fact('chatGroups.memberCoverage'), value: pct(v) }];
      // The micro channel in this system reaches the members who have an account: measured, not declared.
      // Nobody with an account yet means the org does not use it as its channel (yet): no evidence either way.
      const reach = ctx.reach && ctx.reach.members > 0 && ctx.reach.withAccount > 0 ? ctx.reach.withAccount / ctx.reach.members : null;
      if (reach !== null) looked.push({ label: '微党建覆盖（有账号的党员 / 在册党员）', value: `${ctx.reach!.withAccount} / ${ctx.reach!.members}（${pct(reach)}）` });
      const best = Math.max(typeof v === 'number' ? v : -1, reach ?? -1);
      if (best < 0) return result(check, 'unknown', '阵地档案未填写微信群覆盖情况', looked);
      const what = reach === null ? '微信群' : '微信群或微党建';
      return best >= check.params.minCoverage
        ? result(check, 'pass', `${what}覆盖 ${pct(best)} 的党员`, looked)
        : result(check, 'fail', `${what}只覆盖 ${pct(best)} 的党员，应达到 ${pct(check.params.minCoverage)}`, looked);
    }
    case 'subscriptionFollowed': {
      const v = f['subscription.followRate'];
      const looked = [{ label: `${fact('subscription.followRate')}（${check.params.account}）`, value: pct(v) }];
      if (typeof v !== 'number') return result(check, 'unknown', '阵地档案未填写订阅号关注情况', looked);
      return v >= check.params.minFollowRate
        ? result(check, 'pass', `${pct(v)} 的党员关注了${check.params.account}`, looked)
        : result(check, 'fail', `只有 ${pct(v)} 的党员关注了${check.params.account}，应达到 ${pct(check.params.minFollowRate)}`, looked);
    }
    case 'noticeBoardUpdated': {
      const label = check.params.board === 'noticeBoard' ? '宣传窗' : '党务公开栏';
      const date = ctx.photoDates.get(check.params.board);
      const looked = [{ label: `${label}最近一次照片`, value: date ?? '无' }];
      if (!date) return result(check, 'unknown', `阵地档案中没有${label}的照片，无法判断是否及时更新`, looked);
      const age = daysBetween(date, ctx.today);
      return age <= check.params.maxDays
        ? result(check, 'pass', `${label} ${age} 天前更新`, looked)
        : result(check, 'fail', `${label}已 ${age} 天未更新（应在 ${check.params.maxDays} 天内）`, looked);
    }
    case 'deskPlatesCoverMembers': {
      const v = f['deskPlates.count'];
      const looked = [{ label: fact('deskPlates.count'), value: shown(v, ' 个') }, { label: '党员人数（党员名册）', value: `${members} 人` }];
      if (typeof v !== 'number') return result(check, 'unknown', '阵地档案未填写桌牌数', looked);
      return v >= members
        ? result(check, 'pass', `${v} 个桌牌，覆盖 ${members} 名党员`, looked)
        : result(check, 'fail', `只有 ${v} 个桌牌，少于党员人数 ${members}`, looked);
    }
    case 'ledgerArchived':
      return result(check, 'unknown', '系统尚未接入台帐记录，请上传台帐照片或目录', []);
    case 'factsHold': {
      const names = factNames(check.params.when);
      const looked = names.map((n) => ({ label: BASE_FACTS[n as BaseFactName]?.label ?? n, value: shownFact(n, f[n]) }));
      // Three-valued: a blank field the condition needs is "cannot tell", not "not met".
      const holds = evaluateKnown(check.params.when, f);
      if (holds === null) return result(check, 'unknown', `阵地档案未填写完整，无法核验：${check.params.description}`, looked);
      return holds
        ? result(check, 'pass', `符合：${check.params.description}`, looked)
        : result(check, 'fail', `不符合：${check.params.description}`, looked);
    }
  }
}

function shownFact(name: string, v: unknown): string {
  if (typeof v === 'boolean') return yesNo(v);
  const spec = BASE_FACTS[name as BaseFactName];
  if (spec && 'max' in spec && spec.max === 1 && typeof v === 'number') return pct(v);
  return shown(v, spec && 'unit' in spec && spec.unit ? ` ${spec.unit}` : '');
}

function factNames(cond: unknown, out: string[] = []): string[] {
  if (!cond || typeof cond !== 'object') return out;
  const c = cond as Record<string, unknown>;
  if (typeof c.fact === 'string' && !out.includes(c.fact)) out.push(c.fact);
  for (const key of ['all', 'any']) if (Array.isArray(c[key])) for (const x of c[key] as unknown[]) factNames(x, out);
  if (c.not) factNames(c.not, out);
  for (const key of ['atLeast', 'atMost']) {
    const ref = c[key] as { fact?: string } | undefined;
    if (ref && typeof ref === 'object' && typeof ref.fact === 'string' && !out.includes(ref.fact)) out.push(ref.fact);
  }
  return out;
}

/** All checks of a requirement: pass when all pass, fail when any fails, else unknown. Null without checks. */
export function runChecks(checks: readonly Check[] | undefined, ctx: CheckContext, at: string): AutoCheck | null {
  if (!checks || checks.length === 0) return null;
  const results = checks.map((c) => runCheck(c, ctx));
  const outcome: CheckOutcome = results.some((r) => r.outcome === 'fail') ? 'fail'
    : results.every((r) => r.outcome === 'pass') ? 'pass' : 'unknown';
  return { outcome, checks: results, at };
}
