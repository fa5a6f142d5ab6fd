// /assessments/:id: one organization's self-assessment in a campaign. The branch secretary works through the
// checklist (often on a phone) and submits; the parent org's admin reviews (accept or return items for
// rectification); a work-committee admin records inspections.
import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Empty, Input, Result, Segmented } from 'antd';
import { AuditOutlined, CheckCircleOutlined, ReloadOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { ASSESSMENT_STATUS_LABELS } from '@contracts/assessment-labels';
import { REQUIREMENT_KIND_LABELS, REQUIREMENT_KINDS } from '@contracts/standard-labels';
import { assessmentKeys, assessmentQuery, reviewAssessment, runChecks, submitAssessment } from '../../api/assessments';
import { isApiError, showError } from '../../api/client';
import type { Assessment, AssessmentItem } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { AssessmentHeader } from './AssessmentHeader';
import { HistoryPanel, InspectionsPanel } from './AssessmentRecords';
import { InspectionDrawer } from './InspectionDrawer';
import { ItemCard, type ReviewMark } from './ItemCard';
import './assessment.css';

export default function AssessmentPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const valid = Number.isInteger(id) && id > 0;
  const q = useQuery({ ...assessmentQuery(id), enabled: valid });

  if (!valid) return <Result status="404" title="该自评不存在" extra={<Button onClick={() => navigate('/assessments')}>返回阵地自评</Button>} />;
  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    const nf = isApiError(q.error, 'NOT_FOUND');
    const forbidden = isApiError(q.error, 'FORBIDDEN');
    return (
      <Result
        status={nf ? '404' : forbidden ? '403' : 'error'}
        title={nf ? '该自评不存在' : forbidden ? '无权查看这份自评' : '加载失败'}
        subTitle={nf || forbidden ? undefined : '请检查网络后重试。'}
        extra={
          <>
            {!nf && !forbidden && <Button type="primary" onClick={() => void q.refetch()}>重试</Button>}
            <Button onClick={() => navigate('/assessments')}>返回阵地自评</Button>
          </>
        }
      />
    );
  }
  return <AssessmentView a={q.data} />;
}

type Filter = 'all' | 'todo' | 'returned';


function AssessmentView({ a }: { a: Assessment }) {
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [checking, setChecking] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [inspecting, setInspecting] = useState(false);
  const reviewing = a.can.review && a.status === 'submitted';

  // Review marks, per item code; every item passes unless marked.
  const [marks, setMarks] = useState<Record<string, ReviewMark>>({});
  const [showErrors, setShowErrors] = useState(false);
  const [overall, setOverall] = useState('');
  const [deadline, setDeadline] = useState<Dayjs | null>(() => dayjs().add(30, 'day'));
  const [deciding, setDeciding] = useState<'accept' | 'return' | null>(null);
  const markOf = (code: string): ReviewMark => marks[code] ?? { returned: false, comment: '' };
  const returnedCodes = a.items.filter((it) => markOf(it.code).returned).map((it) => it.code);

  const counts = {
    all: a.items.length,
    todo: a.items.filter((it) => it.todo.length > 0).length,
    returned: a.items.filter((it) => it.reviewResult === 'returned').length,
  };
  const shown = useMemo(() => {
    const list = a.items.filter((it) =>
      filter === 'todo' ? it.todo.length > 0 : filter === 'returned' ? it.reviewResult === 'returned' : true);
    // Returned items first (stable: the standard's order otherwise).
    const rank = (it: AssessmentItem) => (it.reviewResult === 'returned' ? 0 : 1);
    return list.map((it, i) => ({ it, i })).sort((x, y) => rank(x.it) - rank(y.it) || x.i - y.i).map((x) => x.it);
  }, [a.items, filter]);

  const recheck = async () => {
    setChecking(true);
    try {
      await runChecks(a.id);
      message.success('已按最新数据重新核验');
    } catch {
      /* shown by the client */
    } finally {
      setChecking(false);
    }
  };

  const submit = async () => {
    const left = a.items.filter((it) => it.todo.length > 0);
    const blocking = a.items.filter(
      // The same two rules the server applies (warnings in `todo` do not block).
      (it) => (it.required && !it.selfResult) || it.returnPending,
    );
    if (blocking.length > 0) {
      modal.warning({
        title: '还不能提交审核',
        width: 480,
        content: (
          <div data-testid="submit-blocked">
            <p>以下 {blocking.length} 项还需要处理（必选要求要先自评，退回的要求要先整改）：</p>
            <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflow: 'auto' }}>
              {blocking.slice(0, 15).map((it) => <li key={it.code}>{it.title}</li>)}
              {blocking.length > 15 && <li>……等 {blocking.length} 项</li>}
            </ul>
          </div>
        ),
        okText: '去处理',
        onOk: () => {
          setFilter('todo');
          setTimeout(() => document.getElementById(`item-${blocking[0].code}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
        },
      });
      return;
    }
    const unanswered = a.progress.total - a.progress.answered;
    const ok = await modal.confirm({
      title: a.status === 'returned' ? '整改完成，重新提交审核？' : '提交审核？',
      width: 480,
      content: (
        <div data-testid="submit-confirm">
          {left.length > 0 ? (
            <>
              <p style={{ color: '#d46b08', fontWeight: 600, marginBottom: 4 }}>
                还有 {left.length} 项待完成{unanswered > 0 ? `（其中 ${unanswered} 项未填写自评结果）` : ''}：
              </p>
              <ul style={{ margin: '0 0 8px', paddingInlineStart: 20, maxHeight: 200, overflow: 'auto' }}>
                {left.slice(0, 12).map((it) => <li key={it.code}>{it.title}</li>)}
                {left.length > 12 && <li>……等 {left.length} 项</li>}
              </ul>
              <p>建议完成后再提交。</p>
            </>
          ) : (
            <p>各项均已完成。</p>
          )}
          <p style={{ marginBottom: 0 }}>提交后由上级审核，审核期间不能修改。</p>
        </div>
      ),
      okText: left.length > 0 ? '仍然提交' : '提交',
      cancelText: '再看看',
    });
    if (!ok) return;
    setSubmitting(true);
    try {
      await submitAssessment(a.id, a.version);
      message.success('已提交，等待上级审核');
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch {
      /* shown by the client (a conflict reloads) */
    } finally {
      setSubmitting(false);
    }
  };

  const decide = async (decision: 'accept' | 'return') => {
    if (decision === 'return') {
      if (returnedCodes.length === 0) {
        message.warning('请先在要退回的条目上点“退回”并写明整改要求');
        return;
      }
      const missing = returnedCodes.find((c) => markOf(c).comment.trim().length < 2);
      if (missing || !deadline) {
        setShowErrors(true);
        if (missing) {
          message.error('退回的条目必须写明整改要求');
          document.getElementById(`item-${missing}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        } else message.error('请选择整改期限');
        return;
      }
    }
    const ok = await modal.confirm({
      title: decision === 'accept' ? '确认验收通过？' : `退回 ${returnedCodes.length} 项整改？`,
      content:
        decision === 'accept'
          ? `${a.org.name}的阵地建设自评将通过验收。`
          : `${a.org.name}需在 ${deadline!.format('YYYY-MM-DD')} 前完成整改并重新提交。`,
      okText: decision === 'accept' ? '验收通过' : '退回整改',
      okButtonProps: decision === 'return' ? { danger: true } : undefined,
      cancelText: '取消',
    });
    if (!ok) return;
    setDeciding(decision);
    try {
      await reviewAssessment(a.id, {
        version: a.version,
        decision,
        comment: overall.trim() || null,
        ...(decision === 'return'
          ? {
              returned: returnedCodes.map((code) => ({ code, comment: markOf(code).comment.trim() })),
              rectificationDeadline: deadline!.format('YYYY-MM-DD'),
            }
          : {}),
      });
      setMarks({});
      setShowErrors(false);
      setOverall('');
      message.success(decision === 'accept' ? '已验收通过' : '已退回整改');
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        void qc.invalidateQueries({ queryKey: assessmentKeys.detail(a.id) });
        modal.warning({ title: '其他审核人已处理，请刷新', content: '这份自评刚刚已被处理，页面已重新加载最新状态。', okText: '知道了' });
      } else showError(e);
    } finally {
      setDeciding(null);
    }
  };

  // Why a submission is refused (the server's rules: required items answered, returned items dealt with).
  const unansweredRequired = a.items.filter((it) => it.required && !it.selfResult).length;
  const pendingReturned = a.items.filter((it) => it.returnPending).length;
  const blockers = [
    unansweredRequired ? `${unansweredRequired} 项必选要求未自评` : '',
    pendingReturned ? `${pendingReturned} 项退回的要求未整改` : '',
  ].filter(Boolean).join('，');

  return (
    <div className="zd-as" data-testid="assessment-page" data-status={a.status} data-version={a.version}>
      <AssessmentHeader a={a} reviewing={reviewing} />

      <Segmented<Filter>
        className="zd-as-filter"
        block
        size="large"
        value={filter}
        onChange={setFilter}
        data-testid="item-filter"
        options={[
          { value: 'all', label: `全部 ${counts.all}` },
          { value: 'todo', label: `待完成 ${counts.todo}` },
          { value: 'returned', label: `已退回 ${counts.returned}` },
        ]}
      />

      {shown.length === 0 && (
        <Panel style={{ marginBottom: 12 }}>
          <Empty
            description={
              filter === 'todo' ? '没有待完成的条目，可以提交审核了' : filter === 'returned' ? '没有被退回的条目' : '这份自评没有条目'
            }
          />
        </Panel>
      )}
      {REQUIREMENT_KINDS.map((kind) => {
        const list = shown.filter((it) => it.kind === kind);
        if (list.length === 0) return null;
        return (
          <section key={kind} data-testid="kind-section" data-kind={kind}>
            <h3 className="zd-as-kind">
              {REQUIREMENT_KIND_LABELS[kind]}
              <span>（{list.length} 项）</span>
            </h3>
            {list.map((it) => (
              <ItemCard
                key={it.code}
                a={a}
                item={it}
                review={
                  reviewing
                    ? { mark: markOf(it.code), showErrors, onChange: (m) => setMarks((prev) => ({ ...prev, [it.code]: m })) }
                    : undefined
                }
              />
            ))}
          </section>
        );
      })}

      {reviewing && (
        <Panel title="审核结论" style={{ marginBottom: 12 }}>
          <div data-testid="review-panel">
            <p style={{ marginTop: 0 }}>
              {returnedCodes.length > 0 ? (
                <span className="zd-as-danger">已标记退回 {returnedCodes.length} 项，请选择整改期限后点“退回整改”。</span>
              ) : (
                '没有标记退回的条目，可以验收通过。'
              )}
            </p>
            <div style={{ marginBottom: 8 }}>总体意见（选填）</div>
            <Input.TextArea
              value={overall}
              onChange={(e) => setOverall(e.target.value)}
              maxLength={1000}
              showCount
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder="例如：阵地建设总体规范，个别上墙内容需更新"
              data-testid="review-overall"
            />
            <div style={{ marginTop: 12 }}>
              整改期限{returnedCodes.length > 0 && <span style={{ color: '#cf1322' }}>（必填）</span>}：
              <DatePicker
                value={deadline}
                onChange={setDeadline}
                size="large"
                inputReadOnly
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                status={showErrors && returnedCodes.length > 0 && !deadline ? 'error' : undefined}
                style={{ marginInlineStart: 8 }}
                data-testid="review-deadline"
              />
            </div>
          </div>
        </Panel>
      )}

      <InspectionsPanel a={a} onInspect={() => setInspecting(true)} />

      <HistoryPanel a={a} />

      {(a.can.edit || reviewing || a.can.inspect) && (
        <div className="zd-as-bar" data-testid="assessment-bar">
          <span className="info">
            {reviewing
              ? returnedCodes.length > 0 ? `将退回 ${returnedCodes.length} 项` : '全部通过'
              : a.can.edit
                ? !a.can.submit && blockers
                  ? `还有 ${blockers}`
                  : a.progress.todo > 0 ? `还有 ${a.progress.todo} 项待完成` : '各项已完成'
                : ASSESSMENT_STATUS_LABELS[a.status]}
          </span>
          {a.can.edit && (
            <Button icon={<ReloadOutlined />} loading={checking} onClick={() => void recheck()} data-testid="recheck">
              重新核验
            </Button>
          )}
          {a.can.edit && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={!a.can.submit}
              title={a.can.submit ? undefined : blockers ? `还有${blockers}` : '暂时不能提交'}
              loading={submitting}
              onClick={() => void submit()}
              data-testid="submit-assessment"
            >
              {a.status === 'returned' ? '重新提交审核' : '提交审核'}
            </Button>
          )}
          {reviewing && (
            <>
              <Button
                danger
                type="primary"
                icon={<RollbackOutlined />}
                disabled={returnedCodes.length === 0 || deciding !== null}
                loading={deciding === 'return'}
                onClick={() => void decide('return')}
                data-testid="review-return-submit"
              >
                退回整改
              </Button>
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                style={returnedCodes.length === 0 ? { background: '#389e0d' } : undefined}
                disabled={returnedCodes.length > 0 || deciding !== null}
                loading={deciding === 'accept'}
                onClick={() => void decide('accept')}
                data-testid="review-accept"
              >
                验收通过
              </Button>
            </>
          )}
          {a.can.inspect && (
            <Button icon={<AuditOutlined />} onClick={() => setInspecting(true)} data-testid="inspect-open">记录督查</Button>
          )}
        </div>
      )}

      {a.can.inspect && <InspectionDrawer a={a} open={inspecting} onClose={() => setInspecting(false)} />}
    </div>
  );
}
