// Pieces shared by the campaign pages: status tags, the dashboard org, drill-down links.
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import {
  ASSESSMENT_STATUS_COLORS, ASSESSMENT_STATUS_LABELS, CAMPAIGN_STATUS_LABELS, type AssessmentStatus, type CampaignStatus,
} from '@contracts/assessment-labels';
import { buildUrl } from '../../api/client';
import { orgQuery } from '../../api/orgs';
import type { AssessmentListQuery, Campaign } from '../../api/types';

export function StatusTag({ status }: { status: AssessmentStatus }) {
  return (
    // As on the assessment pages: the grey of 未开始 is too light for text on a tag, so that one is the plain tag.
    <Tag color={status === 'not_started' ? undefined : ASSESSMENT_STATUS_COLORS[status]} data-testid="assessment-status" data-status={status}>
      {ASSESSMENT_STATUS_LABELS[status]}
    </Tag>
  );
}

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  return <Tag color={status === 'active' ? 'green' : 'default'}>{CAMPAIGN_STATUS_LABELS[status]}</Tag>;
}

export function StatusDot({ status }: { status: AssessmentStatus }) {
  return <span className="zd-cov-dot" style={{ background: ASSESSMENT_STATUS_COLORS[status] }} aria-hidden />;
}

/** Today in China (UTC+8), as the server counts deadlines: YYYY-MM-DD. */
export function todayCn(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Days from today (China) to a YYYY-MM-DD date, as the dashboard's daysLeft; negative once past. */
export function daysUntil(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${todayCn()}T00:00:00Z`)) / 86_400_000);
}

/** 2026年11月27日 */
export function cnDate(date: string): string {
  const d = dayjs(date);
  return d.isValid() ? `${d.year()}年${d.month() + 1}月${d.date()}日` : date;
}

/**
 * The org a dashboard looks at: the admin layout's current org when it lies inside the campaign scope
 * (undefined = the scope itself, the server's default), or null while that is not known yet.
 */
export function useScopedOrg(campaign: Campaign | undefined, orgId: number | null): number | undefined | null {
  const org = useQuery({ ...orgQuery(orgId ?? 0), enabled: orgId !== null && campaign !== undefined && orgId !== campaign.scope.id });
  if (!campaign) return null;
  if (orgId === null || orgId === campaign.scope.id) return undefined;
  if (org.data) return org.data.path.some((p) => p.id === campaign.scope.id) ? orgId : undefined;
  return org.isError ? undefined : null;
}

export type ListFilters = Omit<AssessmentListQuery, 'page' | 'pageSize'>;

/** /campaigns/:id/assessments with filters (and the layout's org kept by the caller). */
export function listPath(campaignId: number, filters: ListFilters): string {
  return buildUrl(`/campaigns/${campaignId}/assessments`, {
    status: filters.status,
    tier: filters.tier,
    overdue: filters.overdue ? 'true' : undefined,
    failed: filters.failed,
    orgId: filters.orgId,
  });
}
