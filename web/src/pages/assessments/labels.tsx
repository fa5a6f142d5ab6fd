// Small shared pieces of the assessment pages: the status tag and deadline wording.
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { ASSESSMENT_STATUS_COLORS, ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '@contracts/assessment-labels';

export function AssessmentStatusTag({ status, large = false }: { status: AssessmentStatus; large?: boolean }) {
  return (
    <Tag
      // The grey of 未开始 is too light for text on a tag: the plain tag instead.
      color={status === 'not_started' ? undefined : ASSESSMENT_STATUS_COLORS[status]}
      data-testid="assessment-status"
      data-status={status}
      style={large ? { fontSize: 15, padding: '2px 10px', lineHeight: '22px' } : undefined}
    >
      {ASSESSMENT_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Whole days from today to a YYYY-MM-DD date (negative once past). */
export function daysUntil(date: string): number {
  return dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');
}

/** "还剩 N 天" / "今天截止" / "已超期 N 天". */
export function deadlineText(date: string): string {
  const days = daysUntil(date);
  if (days > 0) return `还剩 ${days} 天`;
  if (days === 0) return '今天截止';
  return `已超期 ${-days} 天`;
}

export function deadlineColor(date: string): string {
  const days = daysUntil(date);
  if (days < 0) return '#cf1322';
  if (days <= 7) return '#d46b08';
  return '#666';
}
