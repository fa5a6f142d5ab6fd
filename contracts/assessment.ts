// Campaigns (专项工作), assessments (自评、审核、整改), inspections (督查), evidence (佐证材料), wall photos and the
// coverage dashboard: request and response schemas shared by server and web.
import { Type, type Static, type TSchema } from 'typebox';
import {
  ASSESSMENT_STATUSES, CAMPAIGN_STATUSES, CHECK_OUTCOMES, EVIDENCE_KINDS, INSPECTION_RESULTS, REVIEW_RESULTS, SELF_RESULTS,
} from './assessment-labels.js';
import { EVIDENCE_TYPES, REQUIREMENT_KINDS } from './standard-labels.js';
import { PAGE_SIZE_MAX } from './limits.js';

export * from './assessment-labels.js';

const Obj = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Text = (max: number) => Type.String({ maxLength: max });
const RequirementCode = Type.String({ pattern: '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$', maxLength: 40 });
const Version = Type.Integer({ minimum: 0, description: 'optimistic lock: the version read' });
const OrgRef = Obj({ id: Id, name: Type.String() });

// ---- campaigns ----
export const Campaign = Obj({
  id: Id,
  title: Type.String(),
  status: Type.Enum(CAMPAIGN_STATUSES),
  scope: OrgRef,
  standard: Obj({ id: Id, packId: Type.String(), version: Type.String(), title: Type.String() }),
  deadline: DateStr,
  startedOn: DateStr,
  assessmentCount: Type.Integer(),
  acceptedCount: Type.Integer(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export type Campaign = Static<typeof Campaign>;
export const CampaignList = Obj({ items: Type.Array(Campaign) });
export const CampaignCreateBody = Obj({
  title: Type.String({ minLength: 2, maxLength: 100 }),
  standardVersionId: Id,
  scopeOrgId: Id,
  deadline: DateStr,
});
export type CampaignCreateBody = Static<typeof CampaignCreateBody>;
export const CampaignCloseBody = Obj({ version: Version });

// ---- evidence ----
export const Evidence = Obj({
  id: Id,
  kind: Type.Enum(EVIDENCE_KINDS),
  name: Type.String({ description: 'file name as uploaded (path parts removed) or the link title' }),
  url: Nullable(Type.String({ description: 'links only' })),
  mime: Nullable(Type.String()),
  size: Nullable(Type.Integer()),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  takenOn: Nullable(DateStr),
  fileUrl: Nullable(Type.String({ description: 'download URL (attachment) for photos and documents' })),
  thumbUrl: Nullable(Type.String({ description: 'thumbnail URL for photos' })),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Evidence = Static<typeof Evidence>;
export const EvidenceLinkBody = Obj({
  url: Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 500 }),
  name: Type.Optional(Type.String({ maxLength: 100 })),
});

// ---- automatic checks ----
export const CheckLook = Obj({ label: Type.String({ description: 'what was looked at' }), value: Type.String({ description: 'what was found' }) });
export const CheckResult = Obj({
  type: Type.String(),
  label: Type.String(),
  outcome: Type.Enum(CHECK_OUTCOMES),
  message: Type.String(),
  looked: Type.Array(CheckLook),
});
export type CheckResult = Static<typeof CheckResult>;
export const AutoCheck = Obj({ outcome: Type.Enum(CHECK_OUTCOMES), checks: Type.Array(CheckResult), at: Type.String() });
export type AutoCheck = Static<typeof AutoCheck>;

// ---- assessment ----
export const AssessmentItem = Obj({
  code: RequirementCode,
  title: Type.String(),
  text: Type.String(),
  kind: Type.Enum(REQUIREMENT_KINDS),
  essential: Type.String({ description: 'name of the essential it serves' }),
  platforms: Type.Array(Type.String(), { description: 'names of the platforms it serves' }),
  required: Type.Boolean(),
  conditional: Nullable(Type.String()),
  evidenceTypes: Type.Array(Type.Enum(EVIDENCE_TYPES)),
  selfResult: Nullable(Type.Enum(SELF_RESULTS)),
  selfSource: Nullable(Type.Union([Type.Literal('person'), Type.Literal('auto')], { description: 'auto: filled from the automatic check' })),
  naReason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  auto: Nullable(AutoCheck),
  reviewResult: Nullable(Type.Enum(REVIEW_RESULTS)),
  reviewComment: Nullable(Type.String()),
  inspectionResult: Nullable(Type.Enum(INSPECTION_RESULTS)),
  inspectionNote: Nullable(Type.String()),
  /** The answer that counts: an inspection's finding, else the self-assessed (or automatic) answer. */
  finalResult: Nullable(Type.Enum(SELF_RESULTS)),
  evidence: Type.Array(Evidence),
  /** Returned by the reviewer and not yet touched since: blocks a resubmission. */
  returnPending: Type.Boolean(),
  /** Things the organization still has to do on this item, in Chinese (empty when nothing is left). */
  todo: Type.Array(Type.String()),
  updatedBy: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type AssessmentItem = Static<typeof AssessmentItem>;
export const AssessmentEvent = Obj({
  id: Id, action: Type.String(), fromStatus: Nullable(Type.Enum(ASSESSMENT_STATUSES)), toStatus: Nullable(Type.Enum(ASSESSMENT_STATUSES)),
  detail: Type.String(), actorName: Nullable(Type.String()), at: Type.String(),
});
export const AssessmentProgress = Obj({
  total: Type.Integer(), answered: Type.Integer(), met: Type.Integer(), notMet: Type.Integer(), na: Type.Integer(),
  returned: Type.Integer(), todo: Type.Integer({ description: 'items with something left to do' }),
});
export const Assessment = Obj({
  id: Id,
  campaign: Obj({ id: Id, title: Type.String(), deadline: DateStr, status: Type.Enum(CAMPAIGN_STATUSES), standardTitle: Type.String() }),
  org: Obj({ id: Id, name: Type.String(), path: Type.Array(OrgRef), parentId: Nullable(Id) }),
  tier: Nullable(Type.Integer()),
  tierName: Nullable(Type.String()),
  /** Set when the checklist cannot be shown yet (no tier: the base profile lacks the activity-room facts). */
  blocker: Nullable(Type.String()),
  status: Type.Enum(ASSESSMENT_STATUSES),
  rectificationDeadline: Nullable(DateStr),
  reviewComment: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  acceptedAt: Nullable(Type.String()),
  overdue: Type.Boolean({ description: 'past the campaign deadline (or the rectification deadline) and not accepted' }),
  progress: AssessmentProgress,
  items: Type.Array(AssessmentItem),
  inspections: Type.Array(Obj({
    id: Id, inspectedOn: DateStr, inspector: Type.String(), summary: Type.String(),
    findings: Type.Array(Obj({ code: RequirementCode, result: Type.Enum(INSPECTION_RESULTS), note: Nullable(Type.String()) })),
    photos: Type.Array(Evidence),
    createdAt: Type.String(),
  })),
  can: Obj({ edit: Type.Boolean(), submit: Type.Boolean(), review: Type.Boolean(), inspect: Type.Boolean() }),
  history: Type.Array(AssessmentEvent, { description: 'oldest first' }),
  version: Type.Integer(),
});
export type Assessment = Static<typeof Assessment>;

export const ItemParams = Obj({ id: Id, code: RequirementCode });
export const ItemAnswerBody = Obj({
  selfResult: Nullable(Type.Enum(SELF_RESULTS, { description: 'null clears the answer (an automatic answer then applies again)' })),
  naReason: Type.Optional(Nullable(Text(200))),
  note: Type.Optional(Nullable(Text(1000))),
  version: Version,
});
export const SubmitBody = Obj({ version: Version });
export const ReviewBody = Obj({
  version: Version,
  decision: Type.Union([Type.Literal('accept'), Type.Literal('return')]),
  comment: Type.Optional(Nullable(Text(1000))),
  /** Items sent back for rectification, each with what to fix; required (non-empty) when returning. */
  returned: Type.Optional(Type.Array(Obj({ code: RequirementCode, comment: Type.String({ minLength: 2, maxLength: 500 }) }), { maxItems: 200 })),
  rectificationDeadline: Type.Optional(Nullable(DateStr)),
});
export type ReviewBody = Static<typeof ReviewBody>;
export const InspectionBody = Obj({
  inspectedOn: DateStr,
  summary: Type.String({ minLength: 2, maxLength: 2000 }),
  findings: Type.Array(Obj({ code: RequirementCode, result: Type.Enum(INSPECTION_RESULTS), note: Type.Optional(Nullable(Text(500))) }), { minItems: 1, maxItems: 200 }),
});
export const InspectionCreated = Obj({ id: Id, assessment: Assessment });

/** The assessments an org admin works on or reviews: own org's, and those of direct children to review. */
export const MyAssessments = Obj({
  own: Type.Array(Obj({
    id: Id, campaignTitle: Type.String(), deadline: DateStr, orgName: Type.String(), status: Type.Enum(ASSESSMENT_STATUSES),
    rectificationDeadline: Nullable(DateStr), todo: Type.Integer(), total: Type.Integer(),
  })),
  toReview: Type.Array(Obj({
    id: Id, campaignTitle: Type.String(), orgName: Type.String(), status: Type.Enum(ASSESSMENT_STATUSES), submittedAt: Nullable(Type.String()),
  })),
});

// ---- coverage dashboard ----
export const StatusCounts = Obj({
  not_started: Type.Integer(), in_progress: Type.Integer(), submitted: Type.Integer(), returned: Type.Integer(), accepted: Type.Integer(),
  total: Type.Integer(),
});
export type StatusCounts = Static<typeof StatusCounts>;
export const DashboardQuery = Obj({ orgId: Type.Optional(Id) });
export const Dashboard = Obj({
  campaign: Campaign,
  org: Obj({ id: Id, name: Type.String(), path: Type.Array(OrgRef) }),
  today: DateStr,
  daysLeft: Type.Integer({ description: 'days until the deadline (negative once past)' }),
  totals: StatusCounts,
  byTier: Type.Array(Obj({ tier: Type.Integer({ description: '0: no tier' }), tierName: Type.String(), counts: StatusCounts })),
  byChild: Type.Array(Obj({ org: OrgRef, childCount: Type.Integer(), counts: StatusCounts })),
  burnUp: Type.Array(Obj({ day: DateStr, accepted: Type.Integer(), submitted: Type.Integer(), total: Type.Integer() })),
  mostFailed: Type.Array(Obj({ code: RequirementCode, title: Type.String(), failed: Type.Integer() })),
  overdue: Obj({ count: Type.Integer(), rectificationOverdue: Type.Integer() }),
});
export type Dashboard = Static<typeof Dashboard>;

export const AssessmentListQuery = Obj({
  orgId: Type.Optional(Id),
  status: Type.Optional(Type.Enum(ASSESSMENT_STATUSES)),
  tier: Type.Optional(Type.Integer({ minimum: 0, maximum: 9 })),
  overdue: Type.Optional(Type.Boolean()),
  failed: Type.Optional(RequirementCode),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX })),
});
export type AssessmentListQuery = Static<typeof AssessmentListQuery>;
export const AssessmentRow = Obj({
  id: Id, org: OrgRef, parent: Nullable(OrgRef), tier: Nullable(Type.Integer()), status: Type.Enum(ASSESSMENT_STATUSES),
  failedCount: Type.Integer(), rectificationDeadline: Nullable(DateStr), submittedAt: Nullable(Type.String()),
  acceptedAt: Nullable(Type.String()), overdue: Type.Boolean(),
});
export const AssessmentListPage = Obj({ items: Type.Array(AssessmentRow), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export type AssessmentListPage = Static<typeof AssessmentListPage>;

// ---- wall photos of the base profile ----
export const WallPhoto = Obj({
  id: Id, wallItem: Type.String({ description: "wall item code ('W01'), or a board: 'noticeBoard' / 'disclosureBoard'" }),
  takenOn: DateStr, photo: Evidence,
});
export type WallPhoto = Static<typeof WallPhoto>;
export const WallPhotoList = Obj({ items: Type.Array(WallPhoto), wallItems: Type.Array(Obj({ code: Type.String(), name: Type.String(), required: Type.Boolean() })) });
