import { Tag } from 'antd';
import { MEMBER_CATEGORY_LABELS, MEMBER_STATUS_LABELS, type MemberCategory, type MemberStatus } from '@contracts/enums';

const STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  transferred_out: 'blue',
  deceased: 'default',
  removed: 'red',
};

export const MemberStatusTag = ({ status }: { status: MemberStatus }) => (
  <Tag color={STATUS_COLORS[status]}>{MEMBER_STATUS_LABELS[status]}</Tag>
);

export const MemberCategoryTag = ({ category }: { category: MemberCategory }) => (
  <Tag color={category === 'full' ? 'red' : 'orange'}>{MEMBER_CATEGORY_LABELS[category]}</Tag>
);
