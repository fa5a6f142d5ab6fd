// Enumerations of the standard-pack format and their Chinese labels. No imports on purpose: the web
// interface loads this file at runtime, and contracts/standard.ts (with the schemas) would pull in typebox.

/** 传统阵地 / 新型阵地 */
export const REQUIREMENT_KINDS = ['physical', 'digital'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];
export const REQUIREMENT_KIND_LABELS: Record<RequirementKind, string> = { physical: '传统阵地', digital: '新型阵地' };

/** 佐证材料 kinds: a photo, a document, a link, or a record the system itself holds. */
export const EVIDENCE_TYPES = ['photo', 'document', 'link', 'record'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  photo: '照片', document: '文件', link: '链接', record: '系统记录',
};

/** The activity room of a base: dedicated (专门党员活动室), shared with other functions (共用一室), none. */
export const ROOM_KINDS = ['dedicated', 'shared', 'none'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
export const ROOM_KIND_LABELS: Record<RoomKind, string> = { dedicated: '专门党员活动室', shared: '与其他功能共用一室', none: '无活动场所' };

/** Media equipment (电教设备) forms; each is a boolean base fact `mediaEquipment.<kind>`. */
export const MEDIA_EQUIPMENT_KINDS = ['computerWithInternet', 'tvWithDvd'] as const;
export type MediaEquipmentKind = (typeof MEDIA_EQUIPMENT_KINDS)[number];

/** Duties that need a duty holder (专人负责): boolean base fact `dutyHolders.<duty>`, the name in `dutyHolders.<duty>Name`. */
export const DUTIES = ['siteEditor', 'channelAdmin', 'evaluationManager'] as const;
export type Duty = (typeof DUTIES)[number];
export const DUTY_LABELS: Record<Duty, string> = {
  siteEditor: '网站或栏目编辑', channelAdmin: '微党建、微信群管理员', evaluationManager: '考评管理负责人',
};

/** Boards whose content the system can date: notice board (宣传窗) and disclosure board (党务公开栏). */
export const BOARDS = ['noticeBoard', 'disclosureBoard'] as const;
export type Board = (typeof BOARDS)[number];

/** Automatic checks a pack may name; their params schemas are CHECK_PARAMS in contracts/standard.ts. */
export const AUTOMATIC_CHECK_TYPES = [
  'seatsCoverMembers', 'mediaEquipmentPresent', 'wallItemsPhotographed', 'dutyHolderNamed', 'columnFresh',
  'chatGroupCoversAllMembers', 'subscriptionFollowed', 'noticeBoardUpdated', 'deskPlatesCoverMembers', 'ledgerArchived', 'factsHold',
] as const;
export type AutomaticCheckType = (typeof AUTOMATIC_CHECK_TYPES)[number];
export const AUTOMATIC_CHECK_LABELS: Record<AutomaticCheckType, string> = {
  seatsCoverMembers: '桌椅与党员人数相匹配',
  mediaEquipmentPresent: '有电教设备',
  wallItemsPhotographed: '上墙内容有近期照片',
  dutyHolderNamed: '有专人负责',
  columnFresh: '网站或栏目及时更新',
  chatGroupCoversAllMembers: '微信群覆盖全体党员',
  subscriptionFollowed: '党员关注订阅号',
  noticeBoardUpdated: '宣传窗或公开栏及时更新',
  deskPlatesCoverMembers: '党员办公桌摆放桌牌',
  ledgerArchived: '台帐整理归档',
  factsHold: '阵地情况符合规定',
};
