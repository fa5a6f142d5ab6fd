// Study (理论学习): materials, plans, sessions with attendance, statistics per organization. Evaluation of
// study is at organization level: there is no per-member ranking anywhere in these schemas.
import { Type, type Static, type TSchema } from 'typebox';

const Obj = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Version = Type.Integer({ minimum: 0, description: 'optimistic lock: the version read' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const HttpUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 1000 });

export const STUDY_MATERIAL_KINDS = ['article', 'document', 'link'] as const;
export type StudyMaterialKind = (typeof STUDY_MATERIAL_KINDS)[number];
export const STUDY_MATERIAL_KIND_LABELS: Record<StudyMaterialKind, string> = { article: '文章', document: '文件', link: '链接' };
export const STUDY_MATERIAL_BODY_MAX = 50_000;
export const STUDY_ATTENDANCE_MAX = 2000;
export const STUDY_PLAN_ITEMS_MAX = 100;

// ---- materials ----
export const StudyMaterialSummary = Obj({
  id: Id,
  kind: Type.Enum(STUDY_MATERIAL_KINDS),
  title: Type.String(),
  source: Nullable(Type.String()),
  url: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  size: Nullable(Type.Integer()),
  fileUrl: Nullable(Type.String({ description: 'download URL of an uploaded document' })),
  owner: Obj({ id: Id, name: Type.String() }),
  editable: Type.Boolean({ description: 'the reader may change it (its owner org is in the reader\'s scope)' }),
  createdBy: Nullable(Type.String()),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type StudyMaterialSummary = Static<typeof StudyMaterialSummary>;
export const StudyMaterial = Obj({ ...StudyMaterialSummary.properties, body: Nullable(Type.String()) });
export type StudyMaterial = Static<typeof StudyMaterial>;
export const StudyMaterialPage = Obj({ items: Type.Array(StudyMaterialSummary), nextCursor: Nullable(Type.Integer()) });
export type StudyMaterialPage = Static<typeof StudyMaterialPage>;
export const StudyMaterialQuery = Obj({
  orgId: Id,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(Type.Enum(STUDY_MATERIAL_KINDS)),
  before: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
});
export type StudyMaterialQuery = Static<typeof StudyMaterialQuery>;
export const StudyMaterialCreateBody = Obj({
  ownerOrgId: Id,
  kind: Type.Union([Type.Literal('article'), Type.Literal('link')]),
  title: Type.String({ minLength: 2, maxLength: 200 }),
  source: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  body: Type.Optional(Nullable(Type.String({ maxLength: STUDY_MATERIAL_BODY_MAX }))),
  url: Type.Optional(Nullable(HttpUrl)),
});
export type StudyMaterialCreateBody = Static<typeof StudyMaterialCreateBody>;
export const StudyMaterialUpdateBody = Obj({
  title: Type.String({ minLength: 2, maxLength: 200 }),
  source: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  body: Type.Optional(Nullable(Type.String({ maxLength: STUDY_MATERIAL_BODY_MAX }))),
  url: Type.Optional(Nullable(HttpUrl)),
  version: Version,
});
export type StudyMaterialUpdateBody = Static<typeof StudyMaterialUpdateBody>;

// ---- plans ----
const MaterialRef = Obj({ id: Id, title: Type.String() });
export const StudyPlanItem = Obj({ id: Id, topic: Type.String(), plannedOn: DateStr, materials: Type.Array(MaterialRef), held: Type.Boolean() });
export type StudyPlanItem = Static<typeof StudyPlanItem>;
export const StudyPlanSummary = Obj({
  id: Id, org: Obj({ id: Id, name: Type.String() }), title: Type.String(), year: Type.Integer(), quarter: Nullable(Type.Integer()),
  itemCount: Type.Integer(), updatedAt: Type.String(), version: Type.Integer(),
});
export type StudyPlanSummary = Static<typeof StudyPlanSummary>;
export const StudyPlan = Obj({ ...StudyPlanSummary.properties, note: Nullable(Type.String()), items: Type.Array(StudyPlanItem) });
export type StudyPlan = Static<typeof StudyPlan>;
export const StudyPlanList = Obj({ items: Type.Array(StudyPlanSummary) });
export const StudyYearQuery = Obj({ orgId: Id, year: Type.Optional(Year) });
export type StudyYearQuery = Static<typeof StudyYearQuery>;
const PlanItemBody = Obj({
  id: Type.Optional(Id),
  topic: Type.String({ minLength: 2, maxLength: 200 }),
  plannedOn: DateStr,
  materialIds: Type.Array(Id, { maxItems: 20 }),
});
export const StudyPlanBody = Obj({
  title: Type.String({ minLength: 2, maxLength: 100 }),
  year: Year,
  quarter: Nullable(Type.Integer({ minimum: 1, maximum: 4 })),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  items: Type.Array(PlanItemBody, { maxItems: STUDY_PLAN_ITEMS_MAX }),
});
export type StudyPlanBody = Static<typeof StudyPlanBody>;
export const StudyPlanCreateBody = Obj({ orgId: Id, ...StudyPlanBody.properties });
export type StudyPlanCreateBody = Static<typeof StudyPlanCreateBody>;
export const StudyPlanUpdateBody = Obj({ ...StudyPlanBody.properties, version: Version });
export type StudyPlanUpdateBody = Static<typeof StudyPlanUpdateBody>;

// ---- sessions ----
export const StudyAttendance = Obj({ memberId: Id, name: Type.String(), present: Type.Boolean(), absenceReason: Nullable(Type.String()) });
export type StudyAttendance = Static<typeof StudyAttendance>;
export const StudySessionSummary = Obj({
  id: Id, org: Obj({ id: Id, name: Type.String() }), heldOn: DateStr, topic: Type.String(), place: Nullable(Type.String()),
  planItemId: Nullable(Id), expectedCount: Type.Integer(), presentCount: Type.Integer(), updatedAt: Type.String(), version: Type.Integer(),
});
export type StudySessionSummary = Static<typeof StudySessionSummary>;
export const StudySession = Obj({
  ...StudySessionSummary.properties, note: Nullable(Type.String()), materials: Type.Array(MaterialRef), attendance: Type.Array(StudyAttendance),
});
export type StudySession = Static<typeof StudySession>;
export const StudySessionList = Obj({ items: Type.Array(StudySessionSummary) });
const AttendanceBody = Obj({
  memberId: Id,
  present: Type.Boolean(),
  absenceReason: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
});
export const StudySessionBody = Obj({
  heldOn: DateStr,
  topic: Type.String({ minLength: 2, maxLength: 200 }),
  place: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  planItemId: Type.Optional(Nullable(Id)),
  materialIds: Type.Array(Id, { maxItems: 20 }),
  attendance: Type.Array(AttendanceBody, { maxItems: STUDY_ATTENDANCE_MAX }),
});
export type StudySessionBody = Static<typeof StudySessionBody>;
export const StudySessionCreateBody = Obj({ orgId: Id, ...StudySessionBody.properties });
export type StudySessionCreateBody = Static<typeof StudySessionCreateBody>;
export const StudySessionUpdateBody = Obj({ ...StudySessionBody.properties, version: Version });
export type StudySessionUpdateBody = Static<typeof StudySessionUpdateBody>;

// ---- statistics (per organization; the org itself and each direct child, each over its subtree) ----
export const StudyStatRow = Obj({
  org: Obj({ id: Id, name: Type.String(), type: Type.String() }),
  self: Type.Boolean({ description: 'the asked org itself (its whole subtree) rather than a child' }),
  planned: Type.Integer({ description: 'plan items dated in the year' }),
  held: Type.Integer({ description: 'sessions held in the year' }),
  heldPlanned: Type.Integer({ description: 'plan items a session was held for' }),
  expected: Type.Integer(),
  present: Type.Integer(),
  attendanceRate: Nullable(Type.Number({ description: 'present / expected, 0..1; null without attendance' })),
});
export type StudyStatRow = Static<typeof StudyStatRow>;
export const StudyStats = Obj({ year: Type.Integer(), rows: Type.Array(StudyStatRow) });
export type StudyStats = Static<typeof StudyStats>;
