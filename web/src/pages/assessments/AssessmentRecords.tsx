// The records under a self-assessment: inspections by a superior (with their photos) and the history of every step.
import { Button, Empty, Tag, Timeline } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { ASSESSMENT_STATUS_COLORS, ASSESSMENT_STATUS_LABELS, INSPECTION_RESULT_LABELS } from '@contracts/assessment-labels';
import { uploadInspectionPhoto } from '../../api/assessments';
import type { Assessment } from '../../api/types';
import { Panel } from '../../components/Panel';
import { fmtDate, fmtTime } from '../../lib/format';
import { EvidenceBlock } from './EvidenceBlock';

const ACTION_LABELS: Record<string, string> = {
  start: '开始自评', tier: '阵地类别变化', submit: '提交审核', accept: '验收通过', return: '退回整改', inspect: '督查',
};

export function InspectionsPanel({ a, onInspect }: { a: Assessment; onInspect: () => void }) {
  if (a.inspections.length === 0 && !a.can.inspect) return null;
  return (
    <Panel
      title={`督查记录（${a.inspections.length}）`}
      style={{ marginBottom: 12 }}
      extra={a.can.inspect ? <Button icon={<AuditOutlined />} onClick={onInspect}>记录督查</Button> : undefined}
    >
      {a.inspections.length === 0 ? (
        <Empty description="还没有督查记录" />
      ) : (
        <div data-testid="inspections">
          {[...a.inspections].reverse().map((ins) => (
            <div key={ins.id} className="zd-as-inspection" data-testid="inspection">
              <div>
                <b>{fmtDate(ins.inspectedOn)}</b> · 督查人：{ins.inspector}
              </div>
              <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{ins.summary}</div>
              {ins.findings.length > 0 && (
                <ul className="zd-as-findings">
                  {ins.findings.map((f) => (
                    <li key={f.code}>
                      {a.items.find((it) => it.code === f.code)?.title ?? f.code}：
                      <Tag color={f.result === 'met' ? 'green' : 'red'}>{INSPECTION_RESULT_LABELS[f.result]}</Tag>
                      {f.note}
                    </li>
                  ))}
                </ul>
              )}
              <EvidenceBlock
                photosOnly
                evidence={ins.photos}
                onUpload={a.can.inspect ? (file, onProgress) => uploadInspectionPhoto(ins.id, file, onProgress) : undefined}
              />
            </div>
          ))}
        </div>
      )}
    </Panel>
  );
}

export function HistoryPanel({ a }: { a: Assessment }) {
  return (
    <Panel title="办理记录" style={{ marginBottom: 12 }}>
      {a.history.length === 0 ? (
        <Empty description="还没有办理记录" />
      ) : (
        <div data-testid="history">
          <Timeline
            items={[...a.history].reverse().map((h) => ({
              key: h.id,
              color: h.toStatus ? ASSESSMENT_STATUS_COLORS[h.toStatus] : '#bfbfbf',
              content: (
                <div>
                  <strong>{ACTION_LABELS[h.action] ?? (h.detail ? '' : h.action)}</strong>
                  {h.fromStatus !== h.toStatus && h.toStatus && (
                    <span style={{ marginInlineStart: 6 }}>
                      {h.fromStatus ? `${ASSESSMENT_STATUS_LABELS[h.fromStatus]} → ` : ''}
                      {ASSESSMENT_STATUS_LABELS[h.toStatus]}
                    </span>
                  )}
                  {h.detail && h.detail !== ACTION_LABELS[h.action] && (
                    <div style={{ color: '#555', whiteSpace: 'pre-wrap' }}>{h.detail}</div>
                  )}
                  <div className="zd-as-hint">
                    {h.actorName ?? '系统'} · {fmtTime(h.at)}
                  </div>
                </div>
              ),
            }))}
          />
        </div>
      )}
    </Panel>
  );
}
