// The head of a self-assessment page: campaign, org, tier, deadline and progress, and the alerts that say what to
// do next (no tier yet, overdue, returned with its deadline, waiting for review, accepted, campaign closed).
import { Alert, Button, Progress, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { EDITABLE_STATUSES } from '@contracts/assessment-labels';
import type { Assessment } from '../../api/types';
import { Panel } from '../../components/Panel';
import { fmtDate, fmtTime } from '../../lib/format';
import { AssessmentStatusTag, deadlineColor, deadlineText } from './labels';

export function AssessmentHeader({ a, reviewing }: { a: Assessment; reviewing: boolean }) {
  const daysLeft = a.campaign.deadline;
  const percent = a.progress.total ? Math.round((a.progress.answered / a.progress.total) * 100) : 0;
  const finished = a.status === 'accepted';
  return (
    <Panel style={{ marginBottom: 12 }}>
      <div className="zd-as-head-title">
        <Typography.Title level={4} data-testid="assessment-title">{a.campaign.title}</Typography.Title>
        <AssessmentStatusTag status={a.status} large />
        <span style={{ flex: 1 }} />
        <Link to="/assessments">返回阵地自评</Link>
      </div>
      <div className="zd-as-facts">
        <span>组织：<b data-testid="assessment-org">{a.org.name}</b></span>
        <span>
          阵地类别：<b>{a.tierName ?? '未确定'}</b>
        </span>
        <span>
          截止日期：<b>{fmtDate(a.campaign.deadline)}</b>
          {!finished && (
            <span style={{ color: deadlineColor(daysLeft), marginInlineStart: 6, fontWeight: 500 }} data-testid="deadline-countdown">
              {deadlineText(daysLeft)}
            </span>
          )}
        </span>
        <span>依据标准：{a.campaign.standardTitle}</span>
      </div>
      <div>
        <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
          <span data-testid="assessment-progress">
            已填写 <b>{a.progress.answered}</b> / {a.progress.total} 项
          </span>
          <span style={{ color: '#888', fontSize: 13 }}>
            达标 {a.progress.met} · 未达标 {a.progress.notMet} · 不适用 {a.progress.na}
            {a.progress.todo > 0 && <span style={{ color: '#d46b08' }}> · 待完成 {a.progress.todo}</span>}
          </span>
        </div>
        <Progress percent={percent} showInfo={false} strokeColor={finished ? '#52c41a' : '#c0282d'} />
      </div>

      <div className="zd-as-alerts" style={{ marginTop: 8 }}>
        {a.tier === null && EDITABLE_STATUSES.includes(a.status) && (
          <Alert
            type="warning"
            showIcon
            data-testid="no-tier-alert"
            title="尚未确定阵地类别，暂时不能填写自评"
            description={
              a.blocker ??
              '系统要按阵地类别列出需要对照的要求。请先在“阵地档案”中填写党员活动室等情况，类别确定后即可开始自评。'
            }
            action={
              <Link to={`/orgs/${a.org.id}/base?org=${a.org.id}`}>
                <Button type="primary">去填写阵地档案</Button>
              </Link>
            }
          />
        )}
        {a.overdue && (
          <Alert
            type="error"
            showIcon
            data-testid="overdue-alert"
            title={a.status === 'returned' && a.rectificationDeadline ? '已超过整改期限，请尽快完成整改并重新提交' : '已超过截止日期，请尽快完成并提交'}
          />
        )}
        {a.status === 'returned' && (
          <Alert
            type="warning"
            showIcon
            icon={<RollbackOutlined />}
            data-testid="returned-alert"
            title={
              <span>
                上级已退回整改（{a.progress.returned} 项）
                {a.rectificationDeadline && (
                  <span className="zd-as-danger" data-testid="rectification-deadline">
                    ，请在 {fmtDate(a.rectificationDeadline)} 前完成（{deadlineText(a.rectificationDeadline)}）
                  </span>
                )}
              </span>
            }
            description={a.reviewComment ? <>审核意见：{a.reviewComment}</> : '请按各条目上的退回意见整改后重新提交。'}
          />
        )}
        {a.status === 'submitted' && !a.can.review && (
          <Alert type="info" showIcon title={`已于 ${fmtTime(a.submittedAt)} 提交，等待上级审核。审核期间不能修改。`} />
        )}
        {reviewing && (
          <Alert
            type="info"
            showIcon
            title="请逐项审核：符合要求的保持“通过”，需要整改的点“退回”并写明原因；最后在页面底部选择“验收通过”或“退回整改”。"
          />
        )}
        {finished && (
          <Alert
            type="success"
            showIcon
            title={`已于 ${fmtTime(a.acceptedAt)} 通过验收`}
            description={a.reviewComment ? `审核意见：${a.reviewComment}` : undefined}
          />
        )}
        {a.campaign.status === 'closed' && <Alert type="info" showIcon title="该专项工作已结束，只能查看。" />}
      </div>
    </Panel>
  );
}
