// 首页待办 (阵地建设待办): this org's open self-assessments (what is left, the rectification deadline), the
// children's assessments waiting for this org's review, and this org's column when it is not updated in time
// (内容充实，并能及时更新: the duty holder sees it here first). Renders nothing when there is none of these.
import { Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ASSESSMENT_STATUS_COLORS, ASSESSMENT_STATUS_LABELS } from '@contracts/assessment-labels';
import { myAssessmentsQuery } from '../../api/assessments';
import { columnOfOrgQuery } from '../../api/content';
import { Panel } from '../../components/Panel';
import { fmtDate } from '../../lib/format';

export function BaseTodo({ orgId, withOrg }: { orgId: number; withOrg: (path: string) => string }) {
  const mine = useQuery(myAssessmentsQuery());
  const col = useQuery(columnOfOrgQuery(orgId));
  const own = mine.data?.own ?? [];
  const review = mine.data?.toReview ?? [];
  const fresh = col.data?.freshness ?? null;
  const stale = fresh?.stale ? fresh : null;
  if (own.length === 0 && review.length === 0 && !stale) return null;
  return (
    <Panel title="阵地建设待办" style={{ marginBottom: 12 }}>
      <ul className="zd-expiring" aria-label="阵地建设待办">
        {own.map((a) => (
          <li key={`own-${a.id}`}>
            <span className="name"><Link to={`/assessments/${a.id}`}>{a.campaignTitle}：本组织自评</Link></span>
            <Tag color={ASSESSMENT_STATUS_COLORS[a.status]}>{ASSESSMENT_STATUS_LABELS[a.status]}</Tag>
            {a.todo > 0 && <span className="meta">还有 {a.todo} 项待完成（共 {a.total} 项）</span>}
            {a.status === 'returned' && a.rectificationDeadline && (
              <Typography.Text type="danger">整改期限 {a.rectificationDeadline}</Typography.Text>
            )}
            <span className="meta">截止 {a.deadline}</span>
          </li>
        ))}
        {review.length > 0 && (
          <li key="review">
            <span className="name"><Link to="/assessments">待我审核的自评</Link></span>
            <Tag color={ASSESSMENT_STATUS_COLORS.submitted}>{review.length} 个</Tag>
            <span className="meta">{review.slice(0, 3).map((r) => r.orgName).join('、')}{review.length > 3 ? ' 等' : ''}</span>
          </li>
        )}
        {stale && (
          <li key="column" data-testid="todo-column-stale">
            <span className="name"><Link to={withOrg('/columns')}>本组织党建栏目未及时更新</Link></span>
            <Tag color="red">{stale.days === null ? '尚未发布' : `${stale.days} 天未更新`}</Tag>
            <span className="meta">
              {stale.lastPublishedAt ? `最近一次发布 ${fmtDate(stale.lastPublishedAt)}，` : ''}标准要求 {stale.maxDays} 天内有更新
            </span>
          </li>
        )}
      </ul>
    </Panel>
  );
}
