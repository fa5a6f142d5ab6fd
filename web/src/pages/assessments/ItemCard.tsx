// One requirement of a self-assessment as a to-do card: what is asked, what the system found, the answer,
// the evidence, what is still to do; in review mode the reviewer's 通过/退回 toggle.
import { useState, type ReactNode } from 'react';
import { App, Button, Input, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, MinusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  CHECK_OUTCOME_LABELS, INSPECTION_RESULT_LABELS, SELF_RESULT_LABELS, type CheckOutcome, type SelfResult,
} from '@contracts/assessment-labels';
import { EVIDENCE_TYPE_LABELS } from '@contracts/standard-labels';
import {
  addLink, assessmentKeys, deleteEvidence, saveAnswer, uploadEvidence,
} from '../../api/assessments';
import { isApiError, showError } from '../../api/client';
import type { Assessment, AssessmentItem, AutoCheck } from '../../api/types';
import { fmtTime } from '../../lib/format';
import { EvidenceBlock } from './EvidenceBlock';

export interface ReviewMark { returned: boolean; comment: string }

export const RESULT_COLORS: Record<SelfResult, string> = { met: 'green', not_met: 'red', na: 'default' };
const OUTCOME_COLORS: Record<CheckOutcome, string> = { pass: 'green', fail: 'red', unknown: 'default' };

interface Props {
  a: Assessment;
  item: AssessmentItem;
  /** Review mode: the reviewer's mark for this item. */
  review?: { mark: ReviewMark; showErrors: boolean; onChange: (m: ReviewMark) => void };
}

export function ItemCard({ a, item, review }: Props) {
  const returned = item.reviewResult === 'returned';
  const todo = item.todo.length > 0;
  const cls = ['zd-as-item', returned && a.status !== 'accepted' ? 'is-returned' : '', todo ? 'is-todo' : item.finalResult ? 'is-done' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <article className={cls} data-testid="assessment-item" data-code={item.code} id={`item-${item.code}`}>
      {returned && item.reviewComment && (
        <div className="zd-as-returned" data-testid="item-review-comment">
          <div className="who">
            <RollbackOutlined /> {a.status === 'returned' ? '审核退回，请整改：' : '上次审核的退回意见：'}
          </div>
          <div className="text">{item.reviewComment}</div>
        </div>
      )}
      <div className="zd-as-item-head">
        <Typography.Text code>{item.code}</Typography.Text>
        <strong className="title">{item.title}</strong>
        {item.required ? <Tag color="red">必须</Tag> : <Tag color="orange">选做</Tag>}
        {item.finalResult && (
          <Tag color={RESULT_COLORS[item.finalResult]} data-testid="final-result">
            {item.inspectionResult ? '督查核实：' : ''}
            {SELF_RESULT_LABELS[item.finalResult]}
          </Tag>
        )}
        {item.reviewResult === 'accepted' && <Tag color="green">审核通过</Tag>}
        {todo && <Tag color="orange">待完成</Tag>}
      </div>
      {item.conditional && <div className="zd-as-hint" style={{ fontSize: 13 }}>适用条件：{item.conditional}</div>}
      <Typography.Paragraph
        className="zd-as-item-text"
        ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开全文') }}
      >
        {item.text}
      </Typography.Paragraph>
      <div className="zd-as-row">
        <span className="zd-as-label">需要的佐证材料：</span>
        {item.evidenceTypes.length ? item.evidenceTypes.map((t) => <Tag key={t}>{EVIDENCE_TYPE_LABELS[t]}</Tag>) : <span>无</span>}
      </div>

      {todo && (
        <div className="zd-as-todo" data-testid="item-todo">
          <strong style={{ color: '#d46b08' }}>还需要：</strong>
          <ul>{item.todo.map((t, i) => <li key={i}>{t}</li>)}</ul>
        </div>
      )}

      {item.auto && <AutoPanel auto={item.auto} />}

      {item.inspectionResult && (
        <div className="zd-as-inspected" data-testid="item-inspection">
          <strong>督查核实：{INSPECTION_RESULT_LABELS[item.inspectionResult]}</strong>
          {item.inspectionNote && <span>（{item.inspectionNote}）</span>}
          <div className="zd-as-hint" style={{ color: '#555' }}>督查结果优先于自评结果。</div>
        </div>
      )}

      <div className="zd-as-section">
        <div className="zd-as-section-title">自评结果</div>
        {a.can.edit ? (
          <AnswerEditor a={a} item={item} />
        ) : (
          <ReadOnlyAnswer item={item} />
        )}
      </div>

      <div className="zd-as-section">
        <div className="zd-as-section-title">佐证材料（{item.evidence.length}）</div>
        <EvidenceFor a={a} item={item} />
      </div>

      {review && <ReviewToggle item={item} {...review} />}

      {item.updatedAt && (
        <div className="zd-as-hint" style={{ marginTop: 8 }}>
          最后修改：{item.updatedBy ?? '系统'} {fmtTime(item.updatedAt)}
        </div>
      )}
    </article>
  );
}

function AutoPanel({ auto }: { auto: AutoCheck }) {
  return (
    <div className={`zd-as-auto ${auto.outcome}`} data-testid="item-auto" data-outcome={auto.outcome}>
      <div>
        <Tag color={OUTCOME_COLORS[auto.outcome]}>{CHECK_OUTCOME_LABELS[auto.outcome]}</Tag>
        <span className="zd-as-hint">核验时间 {fmtTime(auto.at)}</span>
      </div>
      {auto.checks.map((c, i) => (
        <div key={i} className="zd-as-auto-check">
          <div>
            {c.outcome === 'pass' ? <CheckOutlined style={{ color: '#52c41a' }} /> : c.outcome === 'fail' ? <CloseOutlined style={{ color: '#ff4d4f' }} /> : <MinusOutlined style={{ color: '#999' }} />}{' '}
            <strong>{c.label}</strong>：{c.message}
          </div>
          {c.looked.length > 0 && (
            <details>
              <summary>系统查看了什么</summary>
              <table className="zd-as-looked">
                <tbody>
                  {c.looked.map((l, j) => (
                    <tr key={j}>
                      <th scope="row">{l.label}</th>
                      <td>{l.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </div>
      ))}
    </div>
  );
}

function ReadOnlyAnswer({ item }: { item: AssessmentItem }) {
  if (!item.selfResult) return <span style={{ color: '#999' }}>未填写</span>;
  return (
    <div data-testid="self-result" data-result={item.selfResult}>
      <Tag color={RESULT_COLORS[item.selfResult]} style={{ fontSize: 15, padding: '2px 10px' }}>{SELF_RESULT_LABELS[item.selfResult]}</Tag>
      {item.selfSource === 'auto' && <span className="zd-as-hint">（系统根据核验结果自动填写）</span>}
      {item.naReason && <div style={{ marginTop: 4 }}>不适用的原因：{item.naReason}</div>}
      {item.note && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>说明：{item.note}</div>}
    </div>
  );
}

const ANSWER_BUTTONS: { value: SelfResult; color: 'green' | 'red' | 'default'; icon: ReactNode }[] = [
  { value: 'met', color: 'green', icon: <CheckOutlined /> },
  { value: 'not_met', color: 'red', icon: <CloseOutlined /> },
  { value: 'na', color: 'default', icon: <MinusOutlined /> },
];

function AnswerEditor({ a, item }: { a: Assessment; item: AssessmentItem }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [saving, setSaving] = useState<SelfResult | 'note' | 'clear' | null>(null);
  const [askNa, setAskNa] = useState(item.selfResult === 'na');
  const [naReason, setNaReason] = useState(item.naReason ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const [naError, setNaError] = useState(false);
  // When the item changes on the server (a saved answer, an upload, a reload), take its values for the
  // drafts the person has not edited, so a half-typed note survives a photo upload.
  const [seen, setSeen] = useState({ version: item.version, note: item.note ?? '', naReason: item.naReason ?? '' });
  if (seen.version !== item.version) {
    const next = { version: item.version, note: item.note ?? '', naReason: item.naReason ?? '' };
    if (note.trim() === seen.note || note.trim() === next.note) setNote(next.note);
    if (naReason.trim() === seen.naReason || naReason.trim() === next.naReason) setNaReason(next.naReason);
    if (item.selfResult === 'na') setAskNa(true);
    setSeen(next);
  }
  const noteDirty = note.trim() !== (item.note ?? '');
  const naDirty = naReason.trim() !== (item.naReason ?? '');

  const save = async (selfResult: SelfResult | null, what: SelfResult | 'note' | 'clear') => {
    setSaving(what);
    try {
      await saveAnswer(a.id, item.code, {
        selfResult,
        naReason: selfResult === 'na' ? naReason.trim() || null : null,
        note: note.trim() || null,
        version: item.version,
      });
      message.success('已保存');
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        await qc.invalidateQueries({ queryKey: assessmentKeys.detail(a.id) });
        message.warning('这一项刚被其他人修改过，页面已刷新为最新内容，请核对后重新填写。', 6);
      } else showError(e);
    } finally {
      setSaving(null);
    }
  };

  const choose = (v: SelfResult) => {
    if (v === 'na') {
      setAskNa(true);
      if (naReason.trim().length >= 2) void save('na', 'na');
      else setNaError(false);
      return;
    }
    setAskNa(false);
    void save(v, v);
  };

  const saveNa = () => {
    if (naReason.trim().length < 2) {
      setNaError(true);
      return;
    }
    void save('na', 'na');
  };

  const current = item.selfResult;
  return (
    <div data-testid="answer-editor" data-result={current ?? ''}>
      <div className="zd-as-answer" role="radiogroup" aria-label={`${item.title} 自评结果`}>
        {ANSWER_BUTTONS.map((b) => {
          const on = current === b.value;
          const pending = b.value === 'na' && askNa && !on;
          return (
            <Button
              key={b.value}
              role="radio"
              aria-checked={current === b.value}
              color={b.color}
              variant={on ? 'solid' : pending ? 'dashed' : 'outlined'}
              icon={b.icon}
              loading={saving === b.value}
              disabled={saving !== null && saving !== b.value}
              onClick={() => choose(b.value)}
              data-testid={`answer-${b.value}`}
            >
              {SELF_RESULT_LABELS[b.value]}
            </Button>
          );
        })}
      </div>
      {item.selfSource === 'auto' && current && (
        <div className="zd-as-hint" style={{ marginTop: 4 }}>系统已根据核验结果自动填写，如与实际不符可以改选。</div>
      )}
      {askNa && (
        <div className="zd-as-box">
          <div style={{ marginBottom: 4 }}>
            为什么不适用？<span style={{ color: '#cf1322' }}>（必填）</span>
          </div>
          <Input.TextArea
            value={naReason}
            onChange={(e) => {
              setNaReason(e.target.value);
              setNaError(false);
            }}
            status={naError ? 'error' : undefined}
            maxLength={200}
            showCount
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder="例如：本单位党员不足3人，不设党小组"
            data-testid="na-reason"
          />
          {naError && <div className="zd-as-danger" style={{ fontSize: 13 }}>请写明不适用的原因（至少 2 个字）</div>}
          {(current !== 'na' || naDirty) && (
            <div style={{ marginTop: 8, display: 'flex', gap: 8 }}>
              <Button type="primary" size="large" loading={saving === 'na'} onClick={saveNa} data-testid="na-save">
                确定不适用
              </Button>
              {current !== 'na' && (
                <Button size="large" onClick={() => setAskNa(false)}>取消</Button>
              )}
            </div>
          )}
        </div>
      )}
      <div style={{ marginTop: 10 }}>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder="补充说明（选填），例如：活动室在办公楼三楼东侧，面积约 60 平方米"
          aria-label="补充说明"
          data-testid="answer-note"
        />
        {noteDirty && (
          <Button
            style={{ marginTop: 6 }}
            type="primary"
            ghost
            loading={saving === 'note'}
            onClick={() => void save(current, 'note')}
            data-testid="note-save"
          >
            保存说明
          </Button>
        )}
      </div>
      {current && item.selfSource === 'person' && (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0, marginTop: 4 }}
          loading={saving === 'clear'}
          onClick={() => void save(null, 'clear')}
        >
          清除我的选择
        </Button>
      )}
    </div>
  );
}

function EvidenceFor({ a, item }: { a: Assessment; item: AssessmentItem }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const edit = a.can.edit;
  return (
    <EvidenceBlock
      testId="item-evidence"
      evidence={item.evidence}
      emptyText={edit ? '还没有上传材料' : '没有上传材料'}
      onUpload={edit ? (file, onProgress) => uploadEvidence(a.id, item.code, file, onProgress) : undefined}
      onAddLink={edit ? (url, name) => addLink(a.id, item.code, { url, ...(name ? { name } : {}) }) : undefined}
      onDelete={
        edit
          ? async (e) => {
              await deleteEvidence(e.id);
              await qc.invalidateQueries({ queryKey: assessmentKeys.detail(a.id) });
              void qc.invalidateQueries({ queryKey: assessmentKeys.mine() });
              message.success('已删除');
            }
          : undefined
      }
    />
  );
}

function ReviewToggle({ item, mark, showErrors, onChange }: { item: AssessmentItem } & NonNullable<Props['review']>) {
  const missing = mark.returned && mark.comment.trim().length < 2;
  return (
    <div className="zd-as-section zd-as-box" style={{ background: '#f0f5ff', borderColor: '#adc6ff' }} data-testid="review-toggle">
      <div className="zd-as-section-title">审核意见</div>
      <div className="zd-as-review-toggle" role="radiogroup" aria-label={`${item.title} 审核`}>
        <Button
          role="radio"
          aria-checked={!mark.returned}
          color="green"
          variant={!mark.returned ? 'solid' : 'outlined'}
          icon={<CheckOutlined />}
          onClick={() => onChange({ ...mark, returned: false })}
          data-testid="review-pass"
        >
          通过
        </Button>
        <Button
          role="radio"
          aria-checked={mark.returned}
          color="red"
          variant={mark.returned ? 'solid' : 'outlined'}
          icon={<RollbackOutlined />}
          onClick={() => onChange({ ...mark, returned: true })}
          data-testid="review-return"
        >
          退回
        </Button>
      </div>
      {mark.returned && (
        <div style={{ marginTop: 8 }}>
          <Input.TextArea
            value={mark.comment}
            onChange={(e) => onChange({ ...mark, comment: e.target.value })}
            status={showErrors && missing ? 'error' : undefined}
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder="请写明需要整改的内容（必填），例如：请补充活动室全景照片"
            data-testid="review-comment"
          />
          {showErrors && missing && <div className="zd-as-danger" style={{ fontSize: 13 }}>退回时必须写明整改要求（至少 2 个字）</div>}
        </div>
      )}
    </div>
  );
}
