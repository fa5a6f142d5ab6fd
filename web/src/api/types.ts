// API types, derived from contracts/schemas.ts (never redefined here).
import type { Static } from 'typebox';
import type * as S from '@contracts/schemas';
import type * as A from '@contracts/assessment';
import type * as St from '@contracts/study';
import type * as D from '@contracts/display';

export type Me = Static<typeof S.Me>;
export type LoginBody = Static<typeof S.LoginBody>;
export type ChangePasswordBody = Static<typeof S.ChangePasswordBody>;
export type Ok = Static<typeof S.Ok>;

export type Org = Static<typeof S.Org>;
export type OrgTreeNode = Static<typeof S.OrgTreeNode>;
export type OrgCreateBody = Static<typeof S.OrgCreateBody>;
export type OrgUpdateBody = Static<typeof S.OrgUpdateBody>;
export type OrgMoveBody = Static<typeof S.OrgMoveBody>;
export type OrgDissolveBody = Static<typeof S.OrgDissolveBody>;
export type OrgStats = Static<typeof S.OrgStats>;
export type OrgHistoryItem = Static<typeof S.OrgHistoryItem>;

export type CommitteeSeat = Static<typeof S.CommitteeSeat>;
export type CommitteeTerm = Static<typeof S.CommitteeTerm>;
export type CommitteeSaveBody = Static<typeof S.CommitteeSaveBody>;
export type CommitteeUpdateBody = Static<typeof S.CommitteeUpdateBody>;
export type ExpiringTerm = Static<typeof S.ExpiringTerm>;

export type MemberListItem = Static<typeof S.MemberListItem>;
export type MemberDetail = Static<typeof S.MemberDetail>;
export type MemberCreateBody = Static<typeof S.MemberCreateBody>;
export type MemberUpdateBody = Static<typeof S.MemberUpdateBody>;
export type MemberListQuery = Static<typeof S.MemberListQuery>;
export type MemberListPage = Static<typeof S.MemberListPage>;
export type MemberTransferBody = Static<typeof S.MemberTransferBody>;
/** GET /api/me/profile (no named schema in contracts). */
export type MeProfile = { member: MemberDetail | null; org: Org | null };

export type ImportProblem = Static<typeof S.ImportProblem>;
export type ImportJob = Static<typeof S.ImportJob>;

export type Account = Static<typeof S.Account>;
export type AccountListQuery = Static<typeof S.AccountListQuery>;
export type AccountListPage = Static<typeof S.AccountListPage>;
export type AccountCreateBody = Static<typeof S.AccountCreateBody>;
export type AccountUpdateBody = Static<typeof S.AccountUpdateBody>;
export type ResetPasswordBody = Static<typeof S.ResetPasswordBody>;

export type AuditEntry = Static<typeof S.AuditEntry>;
export type AuditQuery = Static<typeof S.AuditQuery>;
export type AuditPage = Static<typeof S.AuditPage>;

export type StandardVersionSummary = Static<typeof S.StandardVersionSummary>;
export type StandardVersionDetail = Static<typeof S.StandardVersionDetail>;
export type StandardCloneBody = Static<typeof S.StandardCloneBody>;
export type StandardUpdateBody = Static<typeof S.StandardUpdateBody>;
export type StandardPublishBody = Static<typeof S.StandardPublishBody>;

// Campaigns, assessments, evidence, wall photos and the coverage dashboard (contracts/assessment.ts).
export type Campaign = Static<typeof A.Campaign>;
export type CampaignList = Static<typeof A.CampaignList>;
export type CampaignCreateBody = Static<typeof A.CampaignCreateBody>;
export type CampaignCloseBody = Static<typeof A.CampaignCloseBody>;
export type Evidence = Static<typeof A.Evidence>;
export type EvidenceLinkBody = Static<typeof A.EvidenceLinkBody>;
export type CheckResult = Static<typeof A.CheckResult>;
export type AutoCheck = Static<typeof A.AutoCheck>;
export type AssessmentItem = Static<typeof A.AssessmentItem>;
export type AssessmentEvent = Static<typeof A.AssessmentEvent>;
export type Assessment = Static<typeof A.Assessment>;
export type ItemAnswerBody = Static<typeof A.ItemAnswerBody>;
export type SubmitBody = Static<typeof A.SubmitBody>;
export type ReviewBody = Static<typeof A.ReviewBody>;
export type InspectionBody = Static<typeof A.InspectionBody>;
export type InspectionCreated = Static<typeof A.InspectionCreated>;
export type MyAssessments = Static<typeof A.MyAssessments>;
export type StatusCounts = Static<typeof A.StatusCounts>;
export type Dashboard = Static<typeof A.Dashboard>;
export type AssessmentListQuery = Static<typeof A.AssessmentListQuery>;
export type AssessmentRow = Static<typeof A.AssessmentRow>;
export type AssessmentListPage = Static<typeof A.AssessmentListPage>;
export type WallPhoto = Static<typeof A.WallPhoto>;
export type WallPhotoList = Static<typeof A.WallPhotoList>;

export type BaseProfile = Static<typeof S.BaseProfile>;
export type BaseProfileUpdateBody = Static<typeof S.BaseProfileUpdateBody>;
export type TierOverrideBody = Static<typeof S.TierOverrideBody>;

// ---- study (contracts/study.ts) and wall display / screensaver (contracts/display.ts) ----
export type StudyMaterialSummary = Static<typeof St.StudyMaterialSummary>;
export type StudyMaterial = Static<typeof St.StudyMaterial>;
export type StudyMaterialPage = Static<typeof St.StudyMaterialPage>;
export type StudyMaterialQuery = Static<typeof St.StudyMaterialQuery>;
export type StudyMaterialCreateBody = Static<typeof St.StudyMaterialCreateBody>;
export type StudyMaterialUpdateBody = Static<typeof St.StudyMaterialUpdateBody>;
export type StudyPlanSummary = Static<typeof St.StudyPlanSummary>;
export type StudyPlan = Static<typeof St.StudyPlan>;
export type StudyPlanCreateBody = Static<typeof St.StudyPlanCreateBody>;
export type StudyPlanUpdateBody = Static<typeof St.StudyPlanUpdateBody>;
export type StudySessionSummary = Static<typeof St.StudySessionSummary>;
export type StudySession = Static<typeof St.StudySession>;
export type StudySessionCreateBody = Static<typeof St.StudySessionCreateBody>;
export type StudySessionUpdateBody = Static<typeof St.StudySessionUpdateBody>;
export type StudyStats = Static<typeof St.StudyStats>;
export type StudyStatRow = Static<typeof St.StudyStatRow>;

export type DisplayToken = Static<typeof D.DisplayToken>;
export type DisplayTokenCreated = Static<typeof D.DisplayTokenCreated>;
export type Slide = Static<typeof D.Slide>;
export type SlideList = Static<typeof D.SlideList>;
export type SlideCreateBody = Static<typeof D.SlideCreateBody>;
export type SlideUpdateBody = Static<typeof D.SlideUpdateBody>;

// Columns and articles of the public site (contracts/content.ts).
export type {
  Article, ArticleBody, ArticleFile, ArticlePage, ArticleReviewBody, ArticleStatus, ArticleSummary, ArticleUpdateBody, Column, ColumnFreshness,
  ColumnList, ColumnOfOrg, ColumnSaveBody,
} from '@contracts/content';
