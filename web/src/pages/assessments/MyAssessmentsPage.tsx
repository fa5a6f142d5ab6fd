// /assessments (阵地自评): the account's own organization's self-assessments as large cards (phone first),
// and the children's assessments waiting for this account's review.
import { Alert, Button, Empty, Progress, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { myAssessmentsQuery } from '../../api/assessments';
import type { MyAssessments } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { fmtDate, fmtTime } from '../../lib/format';
import { AssessmentStatusTag, deadlineColor, deadlineText } from './labels';
import './assessment.css';

type Own = MyAssessments['own'][number];

export default function MyAssessmentsPage() {
  const mine = useQuery(myAssessmentsQuery());

  if (mine.isPending) return <PageLoading />;
  if (mine.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title="加载失败，请检查网络后重试。"
        action={<Button onClick={() => void mine.refetch()}>重试</Button>}
      />
    );
  }
  const { own, toReview } = mine.data;
  // Returned ones (整改) first, then the unfinished ones, accepted last.
  const order = { returned: 0, not_started: 1, in_progress: 1, submitted: 2, accepted: 3 } as const;
  const sorted = [...own].sort((a, b) => order[a.status] - order[b.status] || a.deadline.localeCompare(b.deadline));

  return (
    <div className="zd-as">
      <div className="zd-page-title">
        <Typography.Title level={4}>阵地自评</Typography.Title>
        <Typography.Text type="secondary">按照阵地建设标准逐项自评、上传佐证材料，完成后提交上级审核</Typography.Text>
      </div>

      <Panel title="我的自评" style={{ marginBottom: 12 }}>
        {sorted.length === 0 ? (
          <Empty description="目前没有需要自评的专项工作。上级发起专项工作后会显示在这里。" />
        ) : (
          <div className="zd-as-cards" data-testid="my-assessments">
            {sorted.map((a) => <OwnCard key={a.id} a={a} />)}
          </div>
        )}
      </Panel>

      {toReview.length > 0 || own.length === 0 ? (
        <Panel title={`待我审核${toReview.length ? `（${toReview.length}）` : ''}`}>
          {toReview.length === 0 ? (
            <Empty description="没有等待您审核的自评">
              <Link to="/campaigns">查看专项工作</Link>
            </Empty>
          ) : (
            <ul className="zd-as-review-list" data-testid="to-review">
              {toReview.map((r) => (
                <li key={r.id}>
                  <Link to={`/assessments/${r.id}`} className="zd-as-review-link">
                    <span className="name">
                      <strong>{r.orgName}</strong>
                      <span className="campaign">{r.campaignTitle}</span>
                    </span>
                    <span className="meta">
                      <AssessmentStatusTag status={r.status} />
                      {r.submittedAt && <span>提交于 {fmtTime(r.submittedAt)}</span>}
                    </span>
                    <RightOutlined />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ) : null}
    </div>
  );
}

function OwnCard({ a }: { a: Own }) {
  const done = a.total - a.todo;
  const finished = a.status === 'accepted';
  return (
    <Link to={`/assessments/${a.id}`} className="zd-as-card" data-testid="own-assessment" data-id={a.id}>
      <div className="zd-as-card-head">
        <strong className="title">{a.campaignTitle}</strong>
        <AssessmentStatusTag status={a.status} large />
      </div>
      <div className="zd-as-card-org">{a.orgName}</div>
      <div className="zd-as-card-line">
        截止日期：{fmtDate(a.deadline)}
        {!finished && <span style={{ color: deadlineColor(a.deadline), marginInlineStart: 8 }}>（{deadlineText(a.deadline)}）</span>}
      </div>
      {a.status === 'returned' && a.rectificationDeadline && (
        <div className="zd-as-card-line zd-as-danger" data-testid="rectification-deadline">
          请在 {fmtDate(a.rectificationDeadline)} 前完成整改（{deadlineText(a.rectificationDeadline)}）
        </div>
      )}
      <Progress percent={a.total ? Math.round((done / a.total) * 100) : 0} showInfo={false} size="small" strokeColor={finished ? '#52c41a' : undefined} />
      <div className="zd-as-card-foot">
        {finished ? (
          <span style={{ color: '#389e0d' }}>已通过验收</span>
        ) : a.status === 'submitted' ? (
          <span>已提交，等待上级审核</span>
        ) : a.total === 0 ? (
          <span className="zd-as-todo-count">尚未确定阵地类别，请先填写阵地档案</span>
        ) : a.todo > 0 ? (
          <span className="zd-as-todo-count">还有 {a.todo} 项待完成</span>
        ) : (
          <span style={{ color: '#389e0d' }}>各项已完成，可以提交审核</span>
        )}
        <span className="go">
          {a.status === 'submitted' || finished ? '查看' : '去填写'} <RightOutlined />
        </span>
      </div>
    </Link>
  );
}
