// Standard packs: a work committee's standard for party-building bases, as data (standards/*.json).
// The format is explained for people in standards/README.md; the loader and its extra checks
// (references, codes, tier coverage, ...) live in server/src/modules/standard/standard.pack.ts.
// Every object is closed (additionalProperties: false), so a misspelt field is an error, not a silent no-op.
import { Type, type Static, type TSchema } from 'typebox';
import {
  BOARDS, DUTIES, EVIDENCE_TYPES, MEDIA_EQUIPMENT_KINDS, REQUIREMENT_KINDS, ROOM_KINDS, type AutomaticCheckType,
} from './standard-labels.js';

// The enumerations and their Chinese labels live in standard-labels.ts, which imports nothing, so the
// browser can use them without loading typebox.
export * from './standard-labels.js';

const Obj = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });

/** Version of the file format itself (not of a standard). Bump it only with a migration in the loader. */
export const PACK_FORMAT = 1;

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------







/** Outside resources a requirement names (a website to study on, a subscription account to follow). */
export const RESOURCE_KINDS = ['website', 'subscriptionAccount'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** How tiers are derived. Only one method so far: the first tier whose condition holds. */
export const TIER_METHODS = ['firstMatch'] as const;

// ---------------------------------------------------------------------------------------------
// Base-profile facts: the only names a condition may use
// ---------------------------------------------------------------------------------------------

export type FactType = 'enum' | 'boolean' | 'integer' | 'number' | 'string';
export type FactSpec =
  | { type: 'enum'; values: readonly string[]; label: string }
  | { type: 'boolean' | 'string'; label: string }
  | { type: 'integer' | 'number'; label: string; unit?: string; min?: number; max?: number };

/**
 * Facts of an organization's base profile that a pack's conditions may reference, with their value
 * types. A condition naming any other fact, or comparing a fact with a value of another type, is
 * rejected by the loader. Adding a fact here is a code change (the base profile must supply it).
 */
export const BASE_FACTS = {
  'activityRoom.kind': { type: 'enum', values: ROOM_KINDS, label: '党员活动室（专门、与其他功能共用或无）' },
  'activityRoom.sharedWith': { type: 'string', label: '活动室与哪些功能共用' },
  'activityRoom.areaM2': { type: 'number', label: '活动室面积', unit: 'm²', min: 0 },
  'activityRoom.seats': { type: 'integer', label: '活动室桌椅（座位）数', min: 0 },
  memberCount: { type: 'integer', label: '党员人数', min: 0 },
  'mediaEquipment.computerWithInternet': { type: 'boolean', label: '电教设备：电脑一台并连接互联网' },
  'mediaEquipment.tvWithDvd': { type: 'boolean', label: '电教设备：电视机一台、DVD 播放机一台' },
  'racks.newspaper': { type: 'boolean', label: '专门报刊架' },
  'cabinets.bookcase': { type: 'boolean', label: '档案柜或木制书柜' },
  'noticeBoard.dedicated': { type: 'boolean', label: '专门公开党务、党建工作的宣传窗' },
  'noticeBoard.corridor': { type: 'boolean', label: '单位走廊的党建工作宣传窗' },
  'disclosureBoard.secretaryOffice': { type: 'boolean', label: '书记办公室墙上的党务公开栏' },
  'deskPlates.count': { type: 'integer', label: '党员办公桌上的桌牌数', min: 0 },
  'channels.siteUrl': { type: 'string', label: '党建网站地址' },
  'channels.columnUrl': { type: 'string', label: '专题党建栏目地址' },
  'channels.microChannel': { type: 'boolean', label: '党委微党建已开通' },
  'chatGroups.memberCoverage': { type: 'number', label: '党支部微信群覆盖的党员比例', min: 0, max: 1 },
  'screensaver.deployed': { type: 'boolean', label: '党员办公电脑屏保为党风廉政教育内容' },
  'subscription.followRate': { type: 'number', label: '关注订阅号的党员比例', min: 0, max: 1 },
  'dutyHolders.siteEditor': { type: 'boolean', label: '网站或栏目有专人负责' },
  'dutyHolders.channelAdmin': { type: 'boolean', label: '微党建、微信群有专人负责' },
  'dutyHolders.evaluationManager': { type: 'boolean', label: '考评管理工作有专人负责' },
  'dutyHolders.siteEditorName': { type: 'string', label: '网站或栏目负责人' },
  'dutyHolders.channelAdminName': { type: 'string', label: '微党建、微信群负责人' },
  'dutyHolders.evaluationManagerName': { type: 'string', label: '考评管理负责人' },
} as const satisfies Record<string, FactSpec>;

export type BaseFactName = keyof typeof BASE_FACTS;
export const BASE_FACT_NAMES = Object.keys(BASE_FACTS) as BaseFactName[];
type FactValueOf<S> = S extends { type: 'enum'; values: readonly (infer V)[] }
  ? V
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'integer' | 'number' }
      ? number
      : string;
/** The facts of one base profile, flat and keyed by fact name; a missing fact is unknown. */
export type BaseFacts = { [K in BaseFactName]?: FactValueOf<(typeof BASE_FACTS)[K]> };

// ---------------------------------------------------------------------------------------------
// Conditions: a small declarative language over base facts
// ---------------------------------------------------------------------------------------------

export type ConditionValue = string | number | boolean;
/** A comparison of one base fact. */
export type FactComparison =
  | { fact: BaseFactName; equals: ConditionValue }
  | { fact: BaseFactName; in: ConditionValue[] }
  | { fact: BaseFactName; atLeast: number | { fact: BaseFactName } }
  | { fact: BaseFactName; atMost: number | { fact: BaseFactName } }
  | { fact: BaseFactName; exists: boolean };
/**
 * One of:
 *   { fact, equals: value }            the fact equals the value
 *   { fact, in: [values] }             the fact equals one of the values
 *   { fact, atLeast: n | { fact } }    numeric fact >= a number or another numeric fact
 *   { fact, atMost: n | { fact } }     numeric fact <= ...
 *   { fact, exists: true | false }     the profile has (or lacks) a value for the fact
 *   { all: [conditions] }  { any: [conditions] }  { not: condition }
 * A comparison on a missing fact is false (so `not` of it is true).
 */
export type Condition = FactComparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** How deep all/any/not may nest (an atom alone is depth 1; all[any[atom]] is depth 3). */
export const CONDITION_MAX_DEPTH = 6;

// In the JSON schema a condition is only "an object". The language is recursive, and a recursive
// TypeBox schema carries an $id that Ajv (Fastify's validator) refuses to see twice in one document
// (a pack has conditions in tiers and in factsHold checks); spelling the recursion out to a fixed depth
// made the pack schema 136 kB and took Ajv 2.5 s to compile. So the pack loader, which every pack
// passes through (file, database or web edit), checks conditions itself: operators, nesting, fact
// names against BASE_FACTS and value types, with messages that name the fact.
/** The schema of a condition (checked in depth by the pack loader); its static type is `Condition`. */
export const Condition = Type.Unsafe<Condition>(
  Type.Object({}, { description: 'a condition over base facts: see CONDITION_OPERATORS and standards/README.md' }),
);
/** Operators a condition object may use; a condition has exactly one. */
export const CONDITION_OPERATORS = ['equals', 'in', 'atLeast', 'atMost', 'exists', 'all', 'any', 'not'] as const;

// ---------------------------------------------------------------------------------------------
// Shared scalars
// ---------------------------------------------------------------------------------------------

export const CODE_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*$';
const Code = Type.String({ pattern: CODE_PATTERN, maxLength: 40, description: 'letters, digits, _ and -; starts with a letter' });
/** A wall item code ('W01') or a part of one ('W01.flag'). */
export const WALL_REF_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)?$';
const WallRef = Type.String({ pattern: WALL_REF_PATTERN, description: "wall item code, or 'ITEM.part'" });
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const DateStr = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD' });
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const SEMVER_PATTERN = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?$';
const TierNo = Type.Integer({ minimum: 1, maximum: 9 });
const Text = Type.String({ minLength: 1 });
const Ratio = Type.Number({ exclusiveMinimum: 0, maximum: 1, description: '0 < r <= 1; 1 means every member' });

// ---------------------------------------------------------------------------------------------
// Automatic checks: what the system can verify from its own data (implemented later, per type)
// ---------------------------------------------------------------------------------------------

/** The params each automatic check type accepts. A pack may name only these types. */
export const CHECK_PARAMS = {
  /** Activity-room seats >= ceil(seatsPerMember x member count). */
  seatsCoverMembers: Obj({ seatsPerMember: Type.Number({ exclusiveMinimum: 0, maximum: 10 }) }),
  /** At least one of the listed media equipment forms is present. */
  mediaEquipmentPresent: Obj({ anyOf: Type.Array(Type.Enum(MEDIA_EQUIPMENT_KINDS), { minItems: 1, uniqueItems: true }) }),
  /** Every wall item of the tier (or the listed ones) has a photo no older than maxAgeDays. */
  wallItemsPhotographed: Obj({
    maxAgeDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    items: Type.Optional(Type.Array(WallRef, { minItems: 1, uniqueItems: true })),
  }),
  /** A duty holder is named for the duty. */
  dutyHolderNamed: Obj({ duty: Type.Enum(DUTIES) }),
  /** The site or column published something in the last maxDays days. */
  columnFresh: Obj({ maxDays: Type.Integer({ minimum: 1, maximum: 366 }) }),
  /** Chat groups reach at least minCoverage of the members. */
  chatGroupCoversAllMembers: Obj({ minCoverage: Ratio }),
  /** At least minFollowRate of the members follow the named subscription account. */
  subscriptionFollowed: Obj({ account: Text, minFollowRate: Ratio }),
  /** The board was updated (a dated photo or posting) in the last maxDays days. */
  noticeBoardUpdated: Obj({ board: Type.Enum(BOARDS), maxDays: Type.Integer({ minimum: 1, maximum: 366 }) }),
  /** Every member's desk has a desk plate carrying the listed contents (wall item references). */
  deskPlatesCoverMembers: Obj({ contents: Type.Array(WallRef, { minItems: 1, uniqueItems: true }) }),
  /** The ledger has archived records; optionally bound into volumes, optionally archived within maxDelayDays. */
  ledgerArchived: Obj({
    boundVolumes: Type.Optional(Type.Boolean()),
    maxDelayDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
  }),
  /** A condition over base facts holds (for rules the other types do not cover: racks, boards, area, ...). */
  factsHold: Obj({ when: Condition, description: Text }),
} as const satisfies Record<AutomaticCheckType, TSchema>;


const checkOf = <K extends AutomaticCheckType>(type: K) =>
  Obj({
    type: Type.Literal(type),
    params: CHECK_PARAMS[type],
    note: Type.Optional(Type.String({ description: 'where a number comes from, when the source text gives none' })),
  });
export const Check = Type.Union([
  checkOf('seatsCoverMembers'),
  checkOf('mediaEquipmentPresent'),
  checkOf('wallItemsPhotographed'),
  checkOf('dutyHolderNamed'),
  checkOf('columnFresh'),
  checkOf('chatGroupCoversAllMembers'),
  checkOf('subscriptionFollowed'),
  checkOf('noticeBoardUpdated'),
  checkOf('deskPlatesCoverMembers'),
  checkOf('ledgerArchived'),
  checkOf('factsHold'),
]);
export type Check = Static<typeof Check>;

// ---------------------------------------------------------------------------------------------
// The pack
// ---------------------------------------------------------------------------------------------

export const PackInfo = Obj({
  id: Type.String({ pattern: SLUG_PATTERN, maxLength: 64, description: "slug, e.g. 'jinhua-2015'" }),
  version: Type.String({ pattern: SEMVER_PATTERN, description: 'semver, e.g. 1.0.0' }),
  title: Text,
  issuer: Text,
  issuedOn: DateStr,
  effectiveFrom: DateStr,
  effectiveTo: Type.Optional(DateStr),
  coverageDeadline: DateStr,
  source: Type.String({ minLength: 1, description: 'title of the source document' }),
  essentialsLabel: Type.Optional(Type.String({ minLength: 1, description: "what the document calls its essentials, e.g. '六有'" })),
  platformsLabel: Type.Optional(Type.String({ minLength: 1, description: "what it calls its platforms, e.g. '五个平台'" })),
  notes: Type.Optional(Type.Array(Text)),
  sample: Type.Optional(Type.Boolean({ description: 'a sample, not an official standard: synced as a draft, never the current standard by itself' })),
});
export type PackInfo = Static<typeof PackInfo>;

export const Essential = Obj({ code: Code, name: Text, description: Type.Optional(Text) });
export type Essential = Static<typeof Essential>;
export const Platform = Obj({ code: Code, name: Text, description: Type.Optional(Text) });
export type Platform = Static<typeof Platform>;

export const Tier = Obj({
  tier: TierNo,
  name: Text,
  description: Text,
  /** Omitted only for the fallback tier (tierRule.fallbackTier). */
  when: Type.Optional(Condition),
  /**
   * The tier's own wall list, when the source names this tier's wall contents in its own words:
   * wall item codes or parts ('W01.flag'), all required. A tier with a wallList is not named in
   * any wallItems[].tiers.
   */
  wallList: Type.Optional(Type.Array(WallRef, { minItems: 1, uniqueItems: true })),
});
export type Tier = Static<typeof Tier>;

export const TierRule = Obj({
  method: Type.Enum(TIER_METHODS),
  /** The tier a base gets when no tier's condition holds; without it, such a base has no tier. */
  fallbackTier: Type.Optional(TierNo),
  text: Text,
});
export type TierRule = Static<typeof TierRule>;

export const WallItemPart = Obj({ code: Code, name: Text });
export const WallItem = Obj({
  code: Code,
  name: Text,
  /** 必选 (true) or 备选 (false), on the tiers listed. */
  required: Type.Boolean(),
  /** Made to be replaced when people change (制成可更换的). */
  replaceable: Type.Optional(Type.Boolean()),
  /** Set when the source makes the item depend on means (有条件的…可以…): the qualifying words. */
  conditional: Type.Optional(Text),
  tiers: Type.Array(TierNo, { minItems: 1, uniqueItems: true }),
  /** Named contents of a combined item, so a tier's wallList can ask for part of it. */
  parts: Type.Optional(Type.Array(WallItemPart, { minItems: 2 })),
  source: Type.Optional(Text),
});
export type WallItem = Static<typeof WallItem>;

export const Resource = Obj({
  kind: Type.Enum(RESOURCE_KINDS),
  name: Text,
  url: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
});
export type Resource = Static<typeof Resource>;

export const REQUIREMENT_CODE_PATTERN = '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$';
export const Requirement = Obj({
  code: Type.String({ pattern: REQUIREMENT_CODE_PATTERN, maxLength: 40, description: "stable, e.g. 'T1-PHY-01'" }),
  tiers: Type.Array(TierNo, { minItems: 1, uniqueItems: true }),
  kind: Type.Enum(REQUIREMENT_KINDS),
  essential: Code,
  platforms: Type.Array(Code, { uniqueItems: true }),
  required: Type.Boolean(),
  /** Set for 有条件的 items: the qualifying words. Such an item has required: false. */
  conditional: Type.Optional(Text),
  title: Type.String({ minLength: 1, maxLength: 40 }),
  /** The source document's wording, verbatim. */
  text: Text,
  /** Where in the source document the item stands. */
  source: Type.Optional(Text),
  evidence: Type.Array(Type.Enum(EVIDENCE_TYPES), { minItems: 1, uniqueItems: true }),
  checks: Type.Optional(Type.Array(Check)),
  resources: Type.Optional(Type.Array(Resource)),
  notes: Type.Optional(Text),
});
export type Requirement = Static<typeof Requirement>;

export const StandardPack = Obj({
  format: Type.Literal(PACK_FORMAT),
  pack: PackInfo,
  essentials: Type.Array(Essential, { minItems: 1 }),
  platforms: Type.Array(Platform),
  tiers: Type.Array(Tier, { minItems: 1 }),
  tierRule: TierRule,
  wallItems: Type.Array(WallItem),
  requirements: Type.Array(Requirement, { minItems: 1 }),
});
export type StandardPack = Static<typeof StandardPack>;
