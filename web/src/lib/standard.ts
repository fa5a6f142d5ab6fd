// Plain-Chinese rendering of a standard pack (contracts/standard.ts): conditions over base facts and
// automatic-check params. Types only from contracts/standard (its runtime pulls in typebox, which the
// browser does not need); labels from contracts/standard-labels, which imports nothing.
import type {
  AutomaticCheckType, BaseFactName, Board, Check, Condition, ConditionValue, EvidenceType, MediaEquipmentKind,
  RoomKind, StandardPack, WallItem,
} from '@contracts/standard';
// Labels come from the typebox-free part of the contract, so they are written once for server and web.
import {
  AUTOMATIC_CHECK_LABELS as CHECK_TYPE_LABELS, DUTY_LABELS, EVIDENCE_TYPE_LABELS as EVIDENCE_LABELS, REQUIREMENT_KIND_LABELS,
  REQUIREMENT_KINDS,
} from '@contracts/standard-labels';

export { CHECK_TYPE_LABELS, EVIDENCE_LABELS, REQUIREMENT_KIND_LABELS, REQUIREMENT_KINDS };

export type { StandardPack };

export const EVIDENCE_OPTIONS = (Object.keys(EVIDENCE_LABELS) as EvidenceType[]).map((value) => ({ value, label: EVIDENCE_LABELS[value] }));

const ROOM_KIND_SHORT: Record<RoomKind, string> = { dedicated: '专用', shared: '共用一室', none: '无' };
const MEDIA_LABELS: Record<MediaEquipmentKind, string> = {
  computerWithInternet: '电脑一台并连接互联网',
  tvWithDvd: '电视机一台、DVD 播放机一台',
};
const BOARD_LABELS: Record<Board, string> = { noticeBoard: '宣传窗', disclosureBoard: '党务公开栏' };

/** Short names of base facts, as a condition reads them; `unit` and `ratio` shape the numbers. */
const FACTS: Record<BaseFactName, { label: string; unit?: string; ratio?: boolean }> = {
  'activityRoom.kind': { label: '活动室类型' },
  'activityRoom.sharedWith': { label: '活动室共用功能' },
  'activityRoom.areaM2': { label: '活动室面积', unit: ' m²' },
  'activityRoom.seats': { label: '活动室座位数' },
  memberCount: { label: '党员人数' },
  'mediaEquipment.computerWithInternet': { label: '有联网电脑' },
  'mediaEquipment.tvWithDvd': { label: '有电视机和 DVD 播放机' },
  'racks.newspaper': { label: '有专门报刊架' },
  'cabinets.bookcase': { label: '有档案柜或书柜' },
  'noticeBoard.dedicated': { label: '有专门党建宣传窗' },
  'noticeBoard.corridor': { label: '有走廊党建宣传窗' },
  'disclosureBoard.secretaryOffice': { label: '书记办公室有党务公开栏' },
  'deskPlates.count': { label: '桌牌数' },
  'channels.siteUrl': { label: '党建网站地址' },
  'channels.columnUrl': { label: '专题党建栏目地址' },
  'channels.microChannel': { label: '已开通微党建' },
  'chatGroups.memberCoverage': { label: '微信群覆盖党员比例', ratio: true },
  'screensaver.deployed': { label: '办公电脑屏保为党风廉政内容' },
  'subscription.followRate': { label: '关注订阅号的党员比例', ratio: true },
  'dutyHolders.siteEditor': { label: '网站或栏目有专人负责' },
  'dutyHolders.channelAdmin': { label: '微党建、微信群有专人负责' },
  'dutyHolders.evaluationManager': { label: '考评管理有专人负责' },
  'dutyHolders.siteEditorName': { label: '网站或栏目负责人' },
  'dutyHolders.channelAdminName': { label: '微党建、微信群负责人' },
  'dutyHolders.evaluationManagerName': { label: '考评管理负责人' },
};

const factOf = (name: string) => FACTS[name as BaseFactName] ?? { label: name };

export const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

function valueText(fact: string, v: ConditionValue): string {
  if (fact === 'activityRoom.kind' && typeof v === 'string') return ROOM_KIND_SHORT[v as RoomKind] ?? v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') {
    const f = factOf(fact);
    return f.ratio ? percent(v) : `${v}${f.unit ?? ''}`;
  }
  return `“${v}”`;
}

/** A condition in plain Chinese, e.g. “活动室类型 = 专用 且 活动室面积 ≥ 30 m²”. */
export function conditionText(c: Condition | undefined, nested = false): string {
  if (!c || typeof c !== 'object') return '—';
  try {
    if ('all' in c) {
      const s = c.all.map((x) => conditionText(x, true)).join(' 且 ');
      return nested && c.all.length > 1 ? `（${s}）` : s;
    }
    if ('any' in c) {
      const s = c.any.map((x) => conditionText(x, true)).join(' 或 ');
      return nested && c.any.length > 1 ? `（${s}）` : s;
    }
    if ('not' in c) return `并非 ${conditionText(c.not, true)}`;
    const f = factOf(c.fact);
    const num = (x: number | { fact: BaseFactName }) => (typeof x === 'number' ? valueText(c.fact, x) : factOf(x.fact).label);
    if ('equals' in c) {
      if (typeof c.equals === 'boolean') return c.equals ? f.label : `无：${f.label}`;
      return `${f.label} = ${valueText(c.fact, c.equals)}`;
    }
    if ('in' in c) return `${f.label} 为 ${c.in.map((v) => valueText(c.fact, v)).join('、')} 之一`;
    if ('atLeast' in c) return `${f.label} ≥ ${num(c.atLeast)}`;
    if ('atMost' in c) return `${f.label} ≤ ${num(c.atMost)}`;
    if ('exists' in c) return c.exists ? `已填写${f.label}` : `未填写${f.label}`;
  } catch {
    /* fall through to the compact text */
  }
  return JSON.stringify(c);
}

/** The params of an automatic check, in words; wall item codes become their names. */
export function checkParamsText(check: Check, wallItems: WallItem[] = []): string {
  const wall = (ref: string) => {
    const [code, part] = ref.split('.');
    const item = wallItems.find((w) => w.code === code);
    if (!item) return ref;
    if (!part) return item.name;
    return item.parts?.find((p) => p.code === part)?.name ?? ref;
  };
  try {
    switch (check.type) {
      case 'seatsCoverMembers':
        return `每名党员 ${check.params.seatsPerMember} 个座位`;
      case 'mediaEquipmentPresent':
        return `具备其一：${check.params.anyOf.map((k) => MEDIA_LABELS[k] ?? k).join('；或')}`;
      case 'wallItemsPhotographed':
        return `照片不超过 ${check.params.maxAgeDays} 天${check.params.items ? `；内容：${check.params.items.map(wall).join('、')}` : '；本类全部上墙内容'}`;
      case 'dutyHolderNamed':
        return `职责：${DUTY_LABELS[check.params.duty] ?? check.params.duty}`;
      case 'columnFresh':
        return `${check.params.maxDays} 天内有更新`;
      case 'chatGroupCoversAllMembers':
        return `覆盖党员比例不低于 ${percent(check.params.minCoverage)}`;
      case 'subscriptionFollowed':
        return `订阅号“${check.params.account}”，关注比例不低于 ${percent(check.params.minFollowRate)}`;
      case 'noticeBoardUpdated':
        return `${BOARD_LABELS[check.params.board] ?? check.params.board} ${check.params.maxDays} 天内有更新`;
      case 'deskPlatesCoverMembers':
        return `桌牌内容：${check.params.contents.map(wall).join('、')}`;
      case 'ledgerArchived': {
        const parts = [];
        if (check.params.boundVolumes) parts.push('装订成册');
        if (check.params.maxDelayDays) parts.push(`${check.params.maxDelayDays} 天内归档`);
        return parts.join('，') || '有归档记录';
      }
      case 'factsHold':
        return `${check.params.description}（${conditionText(check.params.when)}）`;
    }
  } catch {
    /* fall through */
  }
  return JSON.stringify((check as { params?: unknown }).params ?? {});
}

export function checkTypeLabel(type: string): string {
  return CHECK_TYPE_LABELS[type as AutomaticCheckType] ?? type;
}

/** 1.0.0 -> 1.1.0 (a suggestion for the clone dialog). */
export function nextMinor(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${Number(m[2]) + 1}.0` : '';
}

export const SEMVER_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;
