// Table shapes as Kysely sees them. Timestamps are ISO-8601 UTC text and dates YYYY-MM-DD text on both
// dialects, booleans are 0/1 integers: one representation keeps repos free of dialect branches.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OrgTable {
  id: Generated<number>;
  parent_id: number | null;
  root_id: number;
  name: string;
  short_name: string | null;
  code: string | null;
  type: string;
  status: string;
  sort_order: number;
  member_count: number; // active members directly in this org, kept current on write
  probationary_count: number;
  // members of the other statuses directly in this org (rule: modules/org/org.member-stats.ts), kept on write
  transferred_out_count: Generated<number>;
  deceased_count: Generated<number>;
  removed_count: Generated<number>;
  member_account_count: Generated<number>; // active members with an active account (notice reach), kept on write
  post_account_count: Generated<number>; // the same, among members holding a post
  dissolved_at: string | null;
  dissolve_reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface OrgClosureTable { ancestor_id: number; descendant_id: number; depth: number }
export interface OrgEventTable {
  id: Generated<number>; org_id: number; action: string; detail: string; actor_id: number | null; actor_name: string | null; at: string;
}
export interface CommitteeTermTable {
  id: Generated<number>; org_id: number; start_date: string; end_date: string; is_current: number;
  created_at: string; updated_at: string; version: number;
}
export interface CommitteeSeatTable {
  id: Generated<number>; term_id: number; role: string; member_id: number | null; person_name: string; sort_order: number;
}
export interface MemberTable {
  id: Generated<number>;
  org_id: number;
  root_id: number;
  name: string;
  name_initials: string;
  name_pinyin: string;
  gender: string;
  ethnicity: string | null;
  birth_date: string | null;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  phone_enc: string | null;
  phone_masked: string | null;
  education: string | null;
  join_date: string;
  category: string;
  probation_start: string | null;
  probation_end: string | null;
  post: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface MemberTransferTable {
  id: Generated<number>; member_id: number; from_org_id: number; to_org_id: number; transfer_date: string;
  reason: string | null; actor_id: number | null; at: string;
}
export interface AccountTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: number | null; // null only for the system administrator created at first start
  member_id: number | null;
  status: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface SessionTable {
  id: string; // sha256 of the cookie token: a stolen database does not yield live sessions
  account_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  org_id: number | null;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  result: string;
  request_id: string | null;
  detail: string | null;
}
export interface ImportJobTable {
  id: Generated<number>;
  account_id: number;
  org_id: number;
  status: string;
  file_name: string;
  file_path: string | null;
  total_rows: number;
  processed_rows: number;
  valid_rows: number;
  problem_count: number;
  problems: string; // JSON, first 1000
  preview: string; // JSON, first 20 valid rows
  inserted_rows: number;
  error: string | null;
  created_at: string;
  updated_at: string;
}
export interface SettingTable { key: string; value: string }
export interface StandardVersionTable {
  id: Generated<number>;
  pack_id: string;
  version: string; // the pack's semver; the optimistic lock is row_version
  title: string;
  status: string; // draft | published | retired
  content: string; // the pack JSON
  coverage_deadline: string;
  effective_from: string;
  source_file: string | null; // the file in standards/ a shipped pack came from
  created_by: number | null; // null: shipped with the system
  created_at: string;
  published_at: string | null;
  published_by: number | null;
  updated_at: string;
  row_version: number;
}
export interface BaseProfileTable {
  org_id: number;
  facts: string; // JSON object keyed by BASE_FACTS names
  tier_derived: number | null;
  tier_override: number | null;
  override_reason: string | null;
  override_by: number | null;
  override_by_name: string | null;
  override_at: string | null;
  standard_version_id: number | null;
  updated_by: number | null;
  updated_at: string;
  version: number;
}
export interface BaseProfileEventTable {
  id: Generated<number>; org_id: number; action: string; detail: string; actor_id: number | null; actor_name: string | null; at: string;
}

export interface CampaignTable {
  id: Generated<number>; root_id: number; scope_org_id: number; standard_version_id: number; title: string; status: string;
  deadline: string; started_on: string; assessment_count: number; created_by: number | null; created_by_name: string | null;
  created_at: string; closed_at: string | null; version: number;
}
export interface AssessmentTable {
  id: Generated<number>; campaign_id: number; org_id: number; parent_org_id: number | null; tier: number | null; status: string;
  failed_count: number; rectification_deadline: string | null; review_comment: string | null; submitted_at: string | null;
  reviewed_at: string | null; accepted_at: string | null; updated_at: string; version: number;
}
export interface AssessmentItemTable {
  id: Generated<number>; assessment_id: number; requirement_code: string; self_result: string | null; na_reason: string | null;
  note: string | null; auto_outcome: string | null; auto_detail: string | null; review_result: string | null; review_comment: string | null;
  inspection_result: string | null; inspection_note: string | null; failed: number; updated_by: number | null;
  updated_by_name: string | null; updated_at: string | null; version: number;
}
export interface AssessmentEventTable {
  id: Generated<number>; assessment_id: number; action: string; from_status: string | null; to_status: string | null; detail: string;
  actor_id: number | null; actor_name: string | null; at: string;
}
export interface InspectionTable {
  id: Generated<number>; assessment_id: number; inspected_on: string; summary: string; findings: string;
  inspector_id: number | null; inspector_name: string | null; created_at: string;
}
export interface EvidenceTable {
  id: Generated<number>; org_id: number; assessment_id: number | null; requirement_code: string | null; inspection_id: number | null;
  kind: string; name: string; url: string | null; storage_key: string | null; thumb_key: string | null; mime: string | null;
  size: number | null; width: number | null; height: number | null; sha256: string | null; created_by: number | null;
  created_by_name: string | null; created_at: string; deleted_at: string | null;
}
export interface WallPhotoTable {
  id: Generated<number>; org_id: number; wall_item: string; taken_on: string; evidence_id: number; created_at: string; deleted_at: string | null;
}
export interface CampaignRollupTable { campaign_id: number; org_id: number; parent_id: number | null; tier: number; status: string; n: number }
export interface CampaignFailedTable { campaign_id: number; org_id: number; requirement_code: string; n: number }
export interface CampaignProgressTable { campaign_id: number; org_id: number; day: string; accepted: number; submitted: number; total: number }

// Columns, articles and their files (migration 0005).
export interface SiteColumnTable {
  id: Generated<number>; org_id: number; root_id: number; slug: string; title: string; intro: string;
  created_at: string; updated_at: string; version: number;
}
/** One searchable document (article, notice, study material): its visibility facts and bigram index text. */
export interface SearchDocTable {
  id: Generated<number>; doc_type: string; doc_id: number; org_id: number; status: string; visible_from: string | null;
  audience: string | null; title: string; body: string; tokens: string; doc_date: string; updated_at: string;
}
export interface ArticleTable {
  id: Generated<number>; column_id: number; org_id: number; root_id: number; title: string; summary: string; body: string; author: string;
  status: string; publish_at: string | null; submitted_at: string | null; reviewed_by_name: string | null; review_comment: string | null;
  created_by: number | null; created_by_name: string | null; created_at: string; updated_at: string; version: number;
}
export interface ArticleFileTable {
  id: Generated<number>; article_id: number; org_id: number; kind: string; name: string; storage_key: string; mime: string; size: number;
  width: number | null; height: number | null; created_by: number | null; created_at: string;
}

export interface NoticeTable {
  id: Generated<number>; root_id: number; sender_org_id: number; kind: string; audience: string; title: string; body: string;
  target_summary: string; read_count: number; remind_count: number; last_reminded_at: string | null; sent_by: number | null;
  sent_by_name: string | null; sent_at: string;
}
export interface NoticeTargetTable { notice_id: number; org_id: number; subtree: number }
export interface NoticeReadTable { notice_id: number; member_id: number; org_id: number; read_at: string }
export interface NoticeOrgStatTable { notice_id: number; org_id: number; read_count: number }
export interface NoticeRemindTable { id: Generated<number>; notice_id: number; org_id: number; actor_id: number | null; actor_name: string | null; at: string }
export interface NoticeWebhookTable {
  org_id: number; kind: string; url_enc: string; url_masked: string; secret_enc: string | null; enabled: number; updated_by: number | null;
  updated_at: string; version: number;
}
export interface NoticeDeliveryTable {
  id: Generated<number>; notice_id: number; org_id: number; kind: string; status: string; attempts: number; http_status: number | null;
  error: string | null; next_attempt_at: string | null; created_at: string; updated_at: string;
  /** The reminder this delivery repeats (0010); null for the notice itself. */
  remind_id: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface JobLeaseTable { name: string; holder: string; expires_at: string }

// ---- study and wall display (0007) ----
export interface StudyMaterialTable {
  id: Generated<number>; owner_org_id: number; kind: string; title: string; source: string | null; body: string | null; url: string | null;
  file_name: string | null; storage_key: string | null; mime: string | null; size: number | null;
  created_by: number | null; created_by_name: string | null; created_at: string; updated_at: string; deleted_at: string | null; version: number;
}
export interface StudyPlanTable {
  id: Generated<number>; org_id: number; title: string; year: number; quarter: number | null; note: string | null; item_count: number;
  created_by_name: string | null; created_at: string; updated_at: string; deleted_at: string | null; version: number;
}
export interface StudyPlanItemTable {
  id: Generated<number>; plan_id: number; org_id: number; year: number; topic: string; planned_on: string; material_ids: string; sort_order: number; deleted_at: string | null;
}
export interface StudySessionTable {
  id: Generated<number>; org_id: number; year: number; held_on: string; topic: string; place: string | null; note: string | null; plan_item_id: number | null;
  material_ids: string; expected_count: number; present_count: number; created_by_name: string | null; created_at: string; updated_at: string;
  deleted_at: string | null; version: number;
}
export interface StudyAttendanceTable {
  id: Generated<number>; session_id: number; member_id: number; member_name: string; present: number; absence_reason: string | null;
}
export interface DisplayTokenTable {
  id: Generated<number>; org_id: number; name: string; token_hash: string; created_by_name: string | null; created_at: string;
  last_seen_at: string | null; revoked_at: string | null;
}
export interface ScreensaverSlideTable {
  id: Generated<number>; root_id: number; title: string; lines: string; sort_order: number; enabled: number;
  created_at: string; updated_at: string; deleted_at: string | null; version: number;
}
export interface Database {
  org: OrgTable;
  org_closure: OrgClosureTable;
  org_event: OrgEventTable;
  committee_term: CommitteeTermTable;
  committee_seat: CommitteeSeatTable;
  member: MemberTable;
  member_transfer: MemberTransferTable;
  account: AccountTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  import_job: ImportJobTable;
  setting: SettingTable;
  standard_version: StandardVersionTable;
  base_profile: BaseProfileTable;
  base_profile_event: BaseProfileEventTable;
  campaign: CampaignTable;
  assessment: AssessmentTable;
  assessment_item: AssessmentItemTable;
  assessment_event: AssessmentEventTable;
  inspection: InspectionTable;
  evidence: EvidenceTable;
  wall_photo: WallPhotoTable;
  campaign_rollup: CampaignRollupTable;
  campaign_failed: CampaignFailedTable;
  campaign_progress: CampaignProgressTable;
  notice: NoticeTable;
  notice_target: NoticeTargetTable;
  notice_read: NoticeReadTable;
  notice_org_stat: NoticeOrgStatTable;
  notice_remind: NoticeRemindTable;
  notice_webhook: NoticeWebhookTable;
  notice_delivery: NoticeDeliveryTable;
  job_lease: JobLeaseTable;
  site_column: SiteColumnTable;
  article: ArticleTable;
  article_file: ArticleFileTable;
  study_material: StudyMaterialTable;
  study_plan: StudyPlanTable;
  study_plan_item: StudyPlanItemTable;
  study_session: StudySessionTable;
  study_attendance: StudyAttendanceTable;
  display_token: DisplayTokenTable;
  screensaver_slide: ScreensaverSlideTable;
  search_doc: SearchDocTable;
}
export type OrgRow = Selectable<OrgTable>;
export type MemberRow = Selectable<MemberTable>;
export type NewMember = Insertable<MemberTable>;
export type MemberUpdate = Updateable<MemberTable>;
export type AccountRow = Selectable<AccountTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type ImportJobRow = Selectable<ImportJobTable>;
export type CommitteeTermRow = Selectable<CommitteeTermTable>;
export type StandardVersionRow = Selectable<StandardVersionTable>;
export type BaseProfileRow = Selectable<BaseProfileTable>;
export type CampaignRow = Selectable<CampaignTable>;
export type AssessmentRow = Selectable<AssessmentTable>;
export type AssessmentItemRow = Selectable<AssessmentItemTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type InspectionRow = Selectable<InspectionTable>;
export type SiteColumnRow = Selectable<SiteColumnTable>;
export type ArticleRow = Selectable<ArticleTable>;
export type ArticleFileRow = Selectable<ArticleFileTable>;
