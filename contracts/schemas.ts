// Request and response schemas shared by server (validation, serialization, OpenAPI) and web (types).
// Write schemas list exactly the writable fields: additionalProperties is false everywhere.
import { Type, type Static, type TSchema } from 'typebox';
import {
  ACCOUNT_STATUSES, AUDIT_RESULTS, COMMITTEE_ROLES, GENDERS, IMPORT_STATUSES, MEMBER_CATEGORIES,
  MEMBER_STATUSES, ORG_STATUSES, ORG_TYPES, ROLES, STANDARD_STATUSES,
} from './enums.js';
import { PAGE_SIZE_MAX } from './limits.js';
import { BASE_FACTS, BASE_FACT_NAMES, type BaseFactName, type BaseFacts as BaseFactsType, type FactSpec } from './standard.js';

const Obj = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });
// Ids are 32-bit integer columns on PostgreSQL: a larger number must be a 400, not a database error (500).
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Name = Type.String({ minLength: 1, maxLength: 100 });

export const IdParams = Obj({ id: Id });
export type IdParams = Static<typeof IdParams>;
export const Ok = Obj({ ok: Type.Boolean() });

// ---- health ----
export const Health = Obj({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgresql')]),
  version: Type.String(),
  time: Type.String(),
});

// ---- auth ----
export const LoginBody = Obj({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) });
export const Me = Obj({
  accountId: Id,
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Enum(ROLES),
  orgId: Nullable(Id),
  orgName: Nullable(Type.String()),
  memberId: Nullable(Id),
  mustChangePassword: Type.Boolean(),
  csrfToken: Type.String(),
  passwordPolicy: Obj({ minLength: Type.Integer(), minClasses: Type.Integer() }),
});
export type Me = Static<typeof Me>;
export const ChangePasswordBody = Obj({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) });

// ---- organizations ----
export const Org = Obj({
  id: Id,
  parentId: Nullable(Id),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  code: Nullable(Type.String()),
  type: Type.Enum(ORG_TYPES),
  status: Type.Enum(ORG_STATUSES),
  path: Type.Array(Obj({ id: Id, name: Type.String() }), { description: 'ancestors from the root, excluding self' }),
  childCount: Type.Integer(),
  memberCount: Type.Integer({ description: 'active members directly in this org' }),
  subtreeMemberCount: Type.Integer(),
  dissolvedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export type Org = Static<typeof Org>;
export const OrgTreeNode = Obj({
  id: Id, parentId: Nullable(Id), name: Type.String(), type: Type.Enum(ORG_TYPES), status: Type.Enum(ORG_STATUSES),
  childCount: Type.Integer(), memberCount: Type.Integer(),
  parentName: Type.Optional(Nullable(Type.String({ description: 'in search results: the parent, to tell apart orgs of the same name' }))),
});
export type OrgTreeNode = Static<typeof OrgTreeNode>;
export const OrgChildrenQuery = Obj({ parentId: Type.Optional(Id), includeDissolved: Type.Optional(Type.Boolean()) });
export const OrgSearchQuery = Obj({ q: Type.String({ minLength: 1, maxLength: 50 }) });
export const OrgCreateBody = Obj({
  parentId: Nullable(Id), // null creates a new root (work committee); only a root's admin... see access rules
  name: Name,
  shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  code: Type.Optional(Nullable(Type.String({ maxLength: 50, pattern: '^[A-Za-z0-9_-]*$' }))),
  type: Type.Enum(ORG_TYPES),
});
export const OrgUpdateBody = Obj({
  name: Type.Optional(Name),
  shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  code: Type.Optional(Nullable(Type.String({ maxLength: 50, pattern: '^[A-Za-z0-9_-]*$' }))),
  version: Type.Integer({ description: 'optimistic lock: the version read' }),
});
export const OrgMoveBody = Obj({ newParentId: Id, version: Type.Integer() });
export const OrgDissolveBody = Obj({ reason: Type.String({ minLength: 1, maxLength: 500 }), version: Type.Integer() });
export const OrgStats = Obj({
  orgCount: Type.Integer(),
  byType: Type.Record(Type.String(), Type.Integer()),
  memberCount: Type.Integer(),
  probationaryCount: Type.Integer(),
  expiringTerms: Type.Integer(),
});
export const OrgHistoryItem = Obj({ id: Id, action: Type.String(), detail: Type.String(), actorName: Nullable(Type.String()), at: Type.String() });

// ---- committees (班子, 届次) ----
export const CommitteeSeat = Obj({
  role: Type.Enum(COMMITTEE_ROLES),
  memberId: Nullable(Id),
  personName: Type.String({ minLength: 1, maxLength: 50 }),
});
export const CommitteeTerm = Obj({
  id: Id,
  orgId: Id,
  startDate: DateStr,
  endDate: DateStr,
  seats: Type.Array(CommitteeSeat),
  daysToEnd: Type.Integer(),
  version: Type.Integer(),
  expiringSoon: Type.Boolean({ description: 'ends within six months (or already ended)' }),
});
export type CommitteeTerm = Static<typeof CommitteeTerm>;
export const CommitteeSaveBody = Obj({
  startDate: DateStr,
  endDate: DateStr,
  seats: Type.Array(CommitteeSeat, { maxItems: 30 }),
});
export const CommitteeUpdateBody = Obj({ ...CommitteeSaveBody.properties, version: Type.Integer({ description: 'optimistic lock: the version read' }) });
export const ExpiringTerm = Obj({ orgId: Id, orgName: Type.String(), parentName: Nullable(Type.String()), endDate: DateStr, daysToEnd: Type.Integer(), secretary: Nullable(Type.String()) });

// ---- members ----
const MemberWritable = {
  name: Type.String({ minLength: 1, maxLength: 50 }),
  gender: Type.Enum(GENDERS),
  ethnicity: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  birthDate: Type.Optional(Nullable(DateStr)),
  idNumber: Type.String({ minLength: 15, maxLength: 18 }),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  education: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  joinDate: DateStr,
  category: Type.Enum(MEMBER_CATEGORIES),
  probationStart: Type.Optional(Nullable(DateStr)),
  probationEnd: Type.Optional(Nullable(DateStr)),
  post: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
};
export const MemberCreateBody = Obj({ ...MemberWritable, orgId: Id });
export type MemberCreateBody = Static<typeof MemberCreateBody>;
export const MemberUpdateBody = Obj({
  ...MemberWritable,
  status: Type.Enum(MEMBER_STATUSES),
  version: Type.Integer(),
});
export type MemberUpdateBody = Static<typeof MemberUpdateBody>;
/** As shown in lists: ID number and phone masked. */
export const MemberListItem = Obj({
  id: Id,
  name: Type.String(),
  gender: Type.Enum(GENDERS),
  birthDate: Nullable(Type.String()),
  idNumberMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  education: Nullable(Type.String()),
  joinDate: Type.String(),
  category: Type.Enum(MEMBER_CATEGORIES),
  orgId: Id,
  orgName: Type.String(),
  post: Nullable(Type.String()),
  status: Type.Enum(MEMBER_STATUSES),
});
export type MemberListItem = Static<typeof MemberListItem>;
/** Full profile: viewing it is audited. */
export const MemberDetail = Obj({
  ...MemberListItem.properties,
  ethnicity: Nullable(Type.String()),
  idNumber: Type.String(),
  phone: Nullable(Type.String()),
  probationStart: Nullable(Type.String()),
  probationEnd: Nullable(Type.String()),
  orgPath: Type.String(),
  version: Type.Integer(),
  transfers: Type.Array(Obj({
    id: Id, fromOrgName: Type.String(), toOrgName: Type.String(), transferDate: Type.String(), reason: Nullable(Type.String()), at: Type.String(),
  })),
});
export type MemberDetail = Static<typeof MemberDetail>;
export const MemberListQuery = Obj({
  orgId: Type.Optional(Id), // subtree root; default the actor's scope
  q: Type.Optional(Type.String({ maxLength: 50, description: 'name, pinyin initials (zs) or full pinyin' })),
  status: Type.Optional(Type.Enum(MEMBER_STATUSES)),
  category: Type.Optional(Type.Enum(MEMBER_CATEGORIES)),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 })),
});
export type MemberListQuery = Static<typeof MemberListQuery>;
export const MemberListPage = Obj({ items: Type.Array(MemberListItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export type MemberListPage = Static<typeof MemberListPage>;
export const MemberTransferBody = Obj({
  toOrgId: Id,
  transferDate: DateStr,
  reason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  version: Type.Integer(),
});

// ---- member import ----
export const ImportProblem = Obj({ row: Type.Integer(), column: Type.String(), value: Type.String(), message: Type.String() });
export type ImportProblem = Static<typeof ImportProblem>;
export const ImportJob = Obj({
  id: Id,
  status: Type.Enum(IMPORT_STATUSES),
  fileName: Type.String(),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: 'percent of the current phase (reading the file, or inserting)' }),
  validRows: Type.Integer(),
  problemCount: Type.Integer(),
  problems: Type.Array(ImportProblem, { description: 'first 1000 problems, ordered by row' }),
  preview: Type.Array(Obj({ row: Type.Integer(), name: Type.String(), idNumberMasked: Type.String(), orgName: Type.String(), category: Type.String() }), { description: 'first 20 valid rows' }),
  insertedRows: Type.Integer(),
  error: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type ImportJob = Static<typeof ImportJob>;

// ---- accounts ----
export const Account = Obj({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Enum(ROLES),
  orgId: Nullable(Id),
  orgName: Nullable(Type.String()),
  memberId: Nullable(Id),
  status: Type.Enum(ACCOUNT_STATUSES),
  locked: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export type Account = Static<typeof Account>;
export const AccountListQuery = Obj({
  orgId: Type.Optional(Id),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  role: Type.Optional(Type.Enum(ROLES)),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 })),
});
export const AccountListPage = Obj({ items: Type.Array(Account), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const AccountCreateBody = Obj({
  username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
  displayName: Type.String({ minLength: 1, maxLength: 50 }),
  role: Type.Enum(ROLES),
  orgId: Id, // scope; for a member account, the member's org (derived from memberId)
  memberId: Type.Optional(Nullable(Id)),
  initialPassword: Type.String({ minLength: 1, maxLength: 200 }),
});
export const AccountUpdateBody = Obj({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  status: Type.Optional(Type.Enum(ACCOUNT_STATUSES)),
  unlock: Type.Optional(Type.Boolean()),
  version: Type.Integer(),
});
export const ResetPasswordBody = Obj({ newPassword: Type.String({ minLength: 1, maxLength: 200 }) });

// ---- audit ----
export const AuditEntry = Obj({
  id: Id, at: Type.String(), actorId: Nullable(Type.Integer()), actorName: Nullable(Type.String()), actorRole: Nullable(Type.String()),
  orgId: Nullable(Id), ip: Nullable(Type.String()), action: Type.String(), targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()), result: Type.Enum(AUDIT_RESULTS), requestId: Nullable(Type.String()), detail: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditQuery = Obj({
  actor: Type.Optional(Type.String({ maxLength: 64, description: 'username or display name' })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  targetType: Type.Optional(Type.String({ maxLength: 32 })),
  targetId: Type.Optional(Type.String({ maxLength: 64 })),
  result: Type.Optional(Type.Enum(AUDIT_RESULTS)),
  from: Type.Optional(Type.String({ maxLength: 30 })),
  to: Type.Optional(Type.String({ maxLength: 30 })),
  beforeId: Type.Optional(Id), // keyset paging: newest first
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 50 })),
});
export const AuditPage = Obj({ items: Type.Array(AuditEntry), nextBeforeId: Nullable(Id) });

// ---- standards (标准包的各个版本) ----
// The pack itself travels as plain JSON: its own schema (contracts/standard.ts) is too recursive for Fastify's
// validator, so the server checks it with validatePack and answers every problem as a VALIDATION detail.
const PackContent = Type.Unknown({ description: 'the standard pack JSON (format: contracts/standard.ts, standards/README.md)' });
export const StandardVersionSummary = Obj({
  id: Id,
  packId: Type.String(),
  version: Type.String({ description: "the pack's semver, e.g. 1.0.0" }),
  title: Type.String(),
  status: Type.Enum(STANDARD_STATUSES),
  coverageDeadline: DateStr,
  effectiveFrom: DateStr,
  requirementCount: Type.Integer(),
  publishedAt: Nullable(Type.String()),
});
export type StandardVersionSummary = Static<typeof StandardVersionSummary>;
export const StandardVersionDetail = Obj({
  ...StandardVersionSummary.properties,
  content: PackContent,
  sourceFile: Nullable(Type.String({ description: 'the file in standards/ a shipped pack came from' })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  rowVersion: Type.Integer({ description: 'optimistic lock: send it back as `version` when writing' }),
});
export type StandardVersionDetail = Static<typeof StandardVersionDetail>;
export const StandardCloneBody = Obj({ newVersion: Type.String({ minLength: 1, maxLength: 64, description: 'semver of the new draft, e.g. 1.1.0' }) });
export const StandardUpdateBody = Obj({ content: PackContent, version: Type.Integer({ description: 'optimistic lock: the rowVersion read' }) });
export const StandardPublishBody = Obj({ version: Type.Integer({ description: 'optimistic lock: the rowVersion read' }) });

// ---- base profiles (阵地档案) ----
// The facts an organization enters about its base, keyed by the fact names of BASE_FACTS (contracts/standard.ts),
// which a pack's tier rule and checks read. The schema is built from BASE_FACTS, so a new fact there is a new
// field here. `memberCount` is not writable: it is the org's member summary, entered once (the member roll) and
// reused; a body that sends it is refused with 400 like any other unknown field.
const FACT_MAX = 10000;
const URL_PATTERN = '^https?://[^\\s]+$';
function factSchema(name: string, spec: FactSpec): TSchema {
  const description = spec.label;
  switch (spec.type) {
    case 'enum': return Type.Enum(spec.values as readonly string[], { description });
    case 'boolean': return Type.Boolean({ description });
    case 'integer': return Type.Integer({ description, minimum: spec.min ?? 0, maximum: spec.max ?? FACT_MAX });
    case 'number': return Type.Number({ description, minimum: spec.min ?? 0, maximum: spec.max ?? FACT_MAX });
    case 'string': return name.endsWith('Url')
      ? Type.String({ description, maxLength: 500, pattern: URL_PATTERN })
      : Type.String({ description, maxLength: 200 });
  }
}
/** The facts an org may write: every BASE_FACTS entry but memberCount. */
export const WRITABLE_FACT_NAMES = BASE_FACT_NAMES.filter((n) => n !== 'memberCount') as Exclude<BaseFactName, 'memberCount'>[];
export type WritableBaseFacts = Omit<BaseFactsType, 'memberCount'>;
export const BaseFacts = Type.Unsafe<WritableBaseFacts>(Type.Object(
  Object.fromEntries(WRITABLE_FACT_NAMES.map((n) => [n, Type.Optional(factSchema(n, BASE_FACTS[n] as FactSpec))])),
  { additionalProperties: false, description: 'base facts by name (BASE_FACTS); a missing fact is unknown' },
));
export const BaseProfileHistoryItem = Obj({ id: Id, action: Type.String(), detail: Type.String(), actorName: Nullable(Type.String()), at: Type.String() });
export const BaseProfile = Obj({
  orgId: Id,
  orgName: Type.String(),
  facts: BaseFacts,
  memberCount: Type.Integer({ description: "the org's active members (member roll), used as the fact memberCount" }),
  tier: Nullable(Type.Integer({ description: 'effective tier: the override when set, else the derived one' })),
  tierDerived: Nullable(Type.Integer({ description: "by the current standard's tier rule from facts + memberCount" })),
  tierOverride: Nullable(Type.Integer()),
  overrideReason: Nullable(Type.String()),
  overrideBy: Nullable(Type.String({ description: 'display name of who set the override' })),
  overrideAt: Nullable(Type.String()),
  standard: Nullable(Obj({ id: Id, packId: Type.String(), version: Type.String(), title: Type.String() })),
  tierName: Nullable(Type.String({ description: "the pack's name of the effective tier, e.g. 一类阵地" })),
  version: Type.Integer({ description: 'optimistic lock; 0 while the org has no profile yet' }),
  updatedAt: Nullable(Type.String()),
  history: Type.Array(BaseProfileHistoryItem, { description: 'newest first, at most 50' }),
});
export type BaseProfile = Static<typeof BaseProfile>;
export const BaseProfileUpdateBody = Obj({
  facts: BaseFacts,
  version: Type.Integer({ minimum: 0, description: 'optimistic lock: the version read (0 for an org without a profile)' }),
});
export const TierOverrideBody = Obj({
  tier: Nullable(Type.Integer({ minimum: 1, maximum: 9, description: 'null clears the override' })),
  reason: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'required (2..200 characters) when tier is set' }))),
  version: Type.Integer({ minimum: 0, description: 'optimistic lock: the version read' }),
});
