// The base facts as the form edits them. Runtime data from contracts/standard.ts (BASE_FACTS) is not loaded
// here, because that module pulls in typebox; the labels and bounds below follow it, and the Record types
// make the compiler name any fact added there and missing here.
import type { WritableBaseFacts } from '@contracts/schemas';

export type FactName = keyof WritableBaseFacts & string;
type FactKind = 'enum' | 'boolean' | 'integer' | 'number' | 'ratio' | 'string' | 'url';

/** What the form shows for each fact; `ratio` facts (0..1) are edited as a percentage. */
export const FACT_FIELDS: Record<FactName, { label: string; kind: FactKind; unit?: string; max?: number }> = {
  'activityRoom.kind': { label: '活动室类型', kind: 'enum' },
  'activityRoom.sharedWith': { label: '与哪些功能共用', kind: 'string' },
  'activityRoom.areaM2': { label: '活动室面积', kind: 'number', unit: 'm²', max: 10000 },
  'activityRoom.seats': { label: '桌椅（座位）数', kind: 'integer', unit: '个', max: 10000 },
  'mediaEquipment.computerWithInternet': { label: '电脑一台并连接互联网', kind: 'boolean' },
  'mediaEquipment.tvWithDvd': { label: '电视机一台、DVD 播放机一台', kind: 'boolean' },
  'racks.newspaper': { label: '专门报刊架', kind: 'boolean' },
  'cabinets.bookcase': { label: '档案柜或木制书柜', kind: 'boolean' },
  'noticeBoard.dedicated': { label: '专门公开党务、党建工作的宣传窗', kind: 'boolean' },
  'noticeBoard.corridor': { label: '单位走廊的党建工作宣传窗', kind: 'boolean' },
  'disclosureBoard.secretaryOffice': { label: '书记办公室墙上的党务公开栏', kind: 'boolean' },
  'deskPlates.count': { label: '党员办公桌上的桌牌数', kind: 'integer', unit: '块', max: 10000 },
  'channels.siteUrl': { label: '党建网站地址', kind: 'url' },
  'channels.columnUrl': { label: '专题党建栏目地址', kind: 'url' },
  'channels.microChannel': { label: '党委微党建已开通', kind: 'boolean' },
  'chatGroups.memberCoverage': { label: '党支部微信群覆盖的党员比例', kind: 'ratio' },
  'screensaver.deployed': { label: '党员办公电脑屏保为党风廉政教育内容', kind: 'boolean' },
  'subscription.followRate': { label: '关注订阅号的党员比例', kind: 'ratio' },
  'dutyHolders.siteEditor': { label: '网站或栏目有专人负责', kind: 'boolean' },
  'dutyHolders.channelAdmin': { label: '微党建、微信群有专人负责', kind: 'boolean' },
  'dutyHolders.evaluationManager': { label: '考评管理工作有专人负责', kind: 'boolean' },
  'dutyHolders.siteEditorName': { label: '负责人姓名', kind: 'string' },
  'dutyHolders.channelAdminName': { label: '负责人姓名', kind: 'string' },
  'dutyHolders.evaluationManagerName': { label: '负责人姓名', kind: 'string' },
};

export const FACT_NAMES = Object.keys(FACT_FIELDS) as FactName[];

/** Form values: keyed by fact name (a flat key with dots, not a nested path); undefined = not filled in. */
export type FormValues = Partial<Record<FactName, string | number | boolean | null | undefined>>;

export const URL_RE = /^https?:\/\/[^\s]+$/;

/** Saved facts -> form values (ratios as percentages with one decimal). */
export function toFormValues(facts: WritableBaseFacts): FormValues {
  const out: FormValues = {};
  for (const name of FACT_NAMES) {
    const v = (facts as Record<string, unknown>)[name];
    if (v === undefined || v === null) continue;
    out[name] = FACT_FIELDS[name].kind === 'ratio' && typeof v === 'number' ? Math.round(v * 1000) / 10 : (v as string | number | boolean);
  }
  return out;
}

/**
 * Form values -> the facts to save. Everything not filled in is left out (the server keeps a missing fact as
 * unknown, and a PUT replaces the whole set). Facts about a room are dropped when there is no such room:
 * what it is shared with only for a shared room, area and seats not when there is none.
 */
export function toFacts(values: FormValues): WritableBaseFacts {
  const out: Record<string, unknown> = {};
  const kind = values['activityRoom.kind'];
  for (const name of FACT_NAMES) {
    const v = values[name];
    if (v === undefined || v === null) continue;
    if (name === 'activityRoom.sharedWith' && kind !== 'shared') continue;
    if ((name === 'activityRoom.areaM2' || name === 'activityRoom.seats') && kind === 'none') continue;
    const spec = FACT_FIELDS[name];
    switch (spec.kind) {
      case 'string':
      case 'url': {
        const t = String(v).trim();
        if (t) out[name] = t;
        break;
      }
      case 'ratio':
        if (typeof v === 'number') out[name] = Math.min(1, Math.max(0, Math.round(v * 10) / 1000));
        break;
      case 'integer':
        if (typeof v === 'number') out[name] = Math.round(v);
        break;
      case 'number':
        if (typeof v === 'number') out[name] = v;
        break;
      case 'boolean':
        if (typeof v === 'boolean') out[name] = v;
        break;
      case 'enum':
        out[name] = v;
        break;
    }
  }
  return out as WritableBaseFacts;
}

/** Same facts regardless of key order. */
export function sameFacts(a: WritableBaseFacts, b: WritableBaseFacts): boolean {
  const norm = (f: WritableBaseFacts) => JSON.stringify(Object.entries(f).sort(([x], [y]) => x.localeCompare(y)));
  return norm(a) === norm(b);
}

/** Tier names when the profile does not carry one (only the effective tier's name comes from the server). */
export const TIER_FALLBACK_NAMES: Record<number, string> = { 1: '一类阵地', 2: '二类阵地', 3: '三类阵地' };
export const tierLabel = (tier: number | null, known?: { tier: number | null; name: string | null }): string => {
  if (tier === null) return '未定';
  if (known && known.tier === tier && known.name) return known.name;
  return TIER_FALLBACK_NAMES[tier] ?? `第 ${tier} 类`;
};

/** Wall-photo boards (not wall items of the standard, but photographed the same way). */
export const BOARD_ITEMS = [
  { code: 'noticeBoard', name: '宣传窗' },
  { code: 'disclosureBoard', name: '党务公开栏' },
] as const;
