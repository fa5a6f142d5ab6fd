// 记录督查 (work-committee admin): the date, a summary and a finding per item the inspector looked at;
// once saved, on-site photos go to the new inspection.
import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Grid, Input, Radio, Result, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { INSPECTION_RESULT_LABELS, SELF_RESULT_LABELS, type InspectionResult } from '@contracts/assessment-labels';
import { createInspection, uploadInspectionPhoto } from '../../api/assessments';
import type { Assessment } from '../../api/types';
import { EvidenceBlock } from './EvidenceBlock';

interface Finding { result: InspectionResult | 'none'; note: string }

export function InspectionDrawer({ a, open, onClose }: { a: Assessment; open: boolean; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ inspectedOn: Dayjs; summary: string }>();
  const [findings, setFindings] = useState<Record<string, Finding>>({});
  const [findingError, setFindingError] = useState(false);
  const [saving, setSaving] = useState(false);
  const [createdId, setCreatedId] = useState<number | null>(null);
  const created = createdId ? a.inspections.find((i) => i.id === createdId) : undefined;

  const close = () => {
    setFindings({});
    setCreatedId(null);
    setFindingError(false);
    form.resetFields();
    onClose();
  };

  const set = (code: string, f: Partial<Finding>) =>
    setFindings((prev) => ({ ...prev, [code]: { ...(prev[code] ?? { result: 'none', note: '' }), ...f } }));

  const save = async () => {
    let values: { inspectedOn: Dayjs; summary: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const list = Object.entries(findings)
      .filter(([, f]) => f.result !== 'none')
      .map(([code, f]) => ({ code, result: f.result as InspectionResult, note: f.note.trim() || null }));
    if (list.length === 0) {
      setFindingError(true);
      return;
    }
    setSaving(true);
    try {
      const r = await createInspection(a.id, {
        inspectedOn: values.inspectedOn.format('YYYY-MM-DD'),
        summary: values.summary.trim(),
        findings: list,
      });
      setCreatedId(r.id);
      message.success('督查记录已保存');
    } catch {
      /* shown by the client */
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      title={`记录督查：${a.org.name}`}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      footer={
        createdId ? (
          <Button type="primary" size="large" block onClick={close}>完成</Button>
        ) : (
          <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
            <Button size="large" onClick={close}>取消</Button>
            <Button type="primary" size="large" loading={saving} onClick={() => void save()} data-testid="inspection-save">
              保存督查记录
            </Button>
          </div>
        )
      }
    >
      {createdId ? (
        <>
          <Result status="success" title="督查记录已保存" subTitle="可以继续上传现场照片，完成后点“完成”。" style={{ padding: '16px 0' }} />
          <EvidenceBlock
            testId="inspection-photos"
            photosOnly
            evidence={created?.photos ?? []}
            emptyText="还没有现场照片"
            onUpload={(file, onProgress) => uploadInspectionPhoto(createdId, file, onProgress)}
          />
        </>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ inspectedOn: dayjs(), summary: '' }}>
          <Form.Item name="inspectedOn" label="督查日期" rules={[{ required: true, message: '请选择督查日期' }]}>
            <DatePicker style={{ width: '100%' }} size="large" disabledDate={(d) => d.isAfter(dayjs(), 'day')} inputReadOnly />
          </Form.Item>
          <Form.Item
            name="summary"
            label="督查情况"
            rules={[
              { required: true, whitespace: true, message: '请填写督查情况' },
              { min: 2, message: '至少 2 个字' },
              { max: 2000, message: '不超过 2000 字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="现场查看了哪些内容、总体情况如何" data-testid="inspection-summary" />
          </Form.Item>
          <Typography.Title level={5} style={{ marginTop: 0 }}>逐项核实</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            只需标记现场核实过的条目；核实结果将代替该项的自评结果。
          </Typography.Paragraph>
          {findingError && <div className="zd-as-danger" style={{ marginBottom: 8 }}>请至少核实一项</div>}
          {a.items.map((it) => {
            const f = findings[it.code] ?? { result: 'none', note: '' };
            return (
              <div key={it.code} className="zd-as-finding-row" data-testid="inspection-finding" data-code={it.code}>
                <div>
                  <Typography.Text code>{it.code}</Typography.Text> <strong>{it.title}</strong>
                  <span className="zd-as-hint" style={{ marginInlineStart: 8 }}>
                    自评：{it.selfResult ? SELF_RESULT_LABELS[it.selfResult] : '未填'}
                  </span>
                </div>
                <Radio.Group
                  style={{ marginTop: 6 }}
                  optionType="button"
                  buttonStyle="solid"
                  value={f.result}
                  onChange={(e) => {
                    set(it.code, { result: e.target.value as Finding['result'] });
                    setFindingError(false);
                  }}
                  options={[
                    { value: 'none', label: '未核实' },
                    { value: 'met', label: INSPECTION_RESULT_LABELS.met },
                    { value: 'not_met', label: INSPECTION_RESULT_LABELS.not_met },
                  ]}
                />
                {f.result !== 'none' && (
                  <Input
                    style={{ marginTop: 6 }}
                    value={f.note}
                    maxLength={500}
                    onChange={(e) => set(it.code, { note: e.target.value })}
                    placeholder="核实情况（选填）"
                  />
                )}
              </div>
            );
          })}
        </Form>
      )}
    </Drawer>
  );
}
