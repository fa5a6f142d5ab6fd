import { Tag } from 'antd';
import { STANDARD_STATUS_LABELS, type StandardStatus } from '@contracts/enums';

export const STATUS_COLORS: Record<StandardStatus, string> = { draft: 'orange', published: 'green', retired: 'default' };

export function StandardStatusTag({ status }: { status: StandardStatus }) {
  return <Tag color={STATUS_COLORS[status]} data-testid="standard-status">{STANDARD_STATUS_LABELS[status]}</Tag>;
}
