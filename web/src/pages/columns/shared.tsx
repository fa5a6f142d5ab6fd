// Labels shared by the column pages.
import { Tag } from 'antd';
import { ARTICLE_STATUS_LABELS, type ArticleStatus } from '@contracts/content';

const COLORS: Record<ArticleStatus, string> = { draft: 'default', pending: 'orange', published: 'green', unpublished: 'red' };

export function ArticleStatusTag({ status, scheduled }: { status: ArticleStatus; scheduled?: boolean }) {
  if (status === 'published' && scheduled) return <Tag color="blue">定时发布</Tag>;
  return <Tag color={COLORS[status]}>{ARTICLE_STATUS_LABELS[status]}</Tag>;
}
