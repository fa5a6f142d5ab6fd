// Campaign and assessment enumerations with their Chinese labels. No imports on purpose: the web loads this
// at runtime without typebox (contracts/assessment.ts holds the schemas).

/** A campaign (专项工作) is open while organizations assess; closed campaigns are read-only. */
export const CAMPAIGN_STATUSES = ['active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { active: '进行中', closed: '已结束' };

/**
 * Assessment states. not_started -> in_progress (first answer) -> submitted -> accepted | returned;
 * returned (整改中) -> submitted again. Accepted is final unless an inspection overturns an item.
 */
export const ASSESSMENT_STATUSES = ['not_started', 'in_progress', 'submitted', 'returned', 'accepted'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  not_started: '未开始', in_progress: '自评中', submitted: '待审核', returned: '整改中', accepted: '已验收',
};
/** Colours for tags and charts, one per status, so every page shows a status the same way. */
export const ASSESSMENT_STATUS_COLORS: Record<AssessmentStatus, string> = {
  not_started: '#bfbfbf', in_progress: '#1677ff', submitted: '#faad14', returned: '#ff4d4f', accepted: '#52c41a',
};
/** States in which the organization itself may change answers and evidence. */
export const EDITABLE_STATUSES: readonly AssessmentStatus[] = ['not_started', 'in_progress', 'returned'];

/** A self-assessed answer per requirement: 达标 / 未达标 / 不适用 (with a reason). */
export const SELF_RESULTS = ['met', 'not_met', 'na'] as const;
export type SelfResult = (typeof SELF_RESULTS)[number];
export const SELF_RESULT_LABELS: Record<SelfResult, string> = { met: '达标', not_met: '未达标', na: '不适用' };

/** The outcome of an automatic check: the system's data shows it holds, shows it does not, or cannot tell. */
export const CHECK_OUTCOMES = ['pass', 'fail', 'unknown'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];
export const CHECK_OUTCOME_LABELS: Record<CheckOutcome, string> = { pass: '系统核验通过', fail: '系统核验未通过', unknown: '系统无法核验' };

/** The reviewer's decision on one item. */
export const REVIEW_RESULTS = ['accepted', 'returned'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const REVIEW_RESULT_LABELS: Record<ReviewResult, string> = { accepted: '通过', returned: '退回整改' };

/** An inspector's finding per requirement; it overrides the self-assessed answer. */
export const INSPECTION_RESULTS = ['met', 'not_met'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const INSPECTION_RESULT_LABELS: Record<InspectionResult, string> = { met: '核实达标', not_met: '核实未达标' };

/** Kinds of evidence a person attaches (a "record" is found by the automatic checks, never uploaded). */
export const EVIDENCE_KINDS = ['photo', 'document', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Upload limits, shown to people before they pick a file. */
export const EVIDENCE_PHOTO_MAX_BYTES = 15 * 1024 * 1024;
export const EVIDENCE_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_PER_ITEM_MAX = 20;
/** What a person may upload, decided by the file's content (not its name). */
export const EVIDENCE_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] as const;
export const EVIDENCE_DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword', 'application/vnd.ms-excel', 'application/x-cfb',
] as const;
export const EVIDENCE_ACCEPT = '.jpg,.jpeg,.png,.webp,.heic,.pdf,.doc,.docx,.xls,.xlsx,.pptx';

/** Which tables the coverage report exports (one sheet each). */
export const DASHBOARD_SHEETS = ['summary', 'byTier', 'byChild', 'mostFailed', 'overdue'] as const;
