// 首页待办: this org's open self-assessments (what is left, the rectification deadline) and the children's
// assessments waiting for this org's review. Renders nothing when there is neither.
import { Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ASSESSMENT_STATUS_COLORS, ASSESSMENT_STATUS_LABELS } from '@contracts/assessment-labels';
import { myAssessmentsQuery } from '../../api/assessments';
import { Panel } from '../../components/Panel';

export function AssessmentTodo() {
  const mine = useQuery(myAssessmentsQuery());
  const own = mine.data?.own ?? [];
  const review = mine.data?.toReview ?? [];
  if (own.length === 0 && review.length === 0) return null;
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
      </ul>
    </Panel>
  );
}
