// 学习活动: sessions the org held in the year, with attendance; record or correct one.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { createSession, deleteSession, planQuery, plansQuery, sessionQuery, sessionsQuery, updateSession } from '../../api/study';
import type { StudySession, StudySessionSummary } from '../../api/types';
import { AttendanceEditor, type AttendanceRow } from './AttendanceEditor';
import { useMaterialOptions } from './useMaterialOptions';

interface SessionForm { heldOn: Dayjs; topic: string; place?: string; note?: string; planItemId?: number | null; materialIds: number[] }

export function SessionsTab({ orgId, year }: { orgId: number; year: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const sessions = useQuery(sessionsQuery(orgId, year));
  const plans = useQuery(plansQuery(orgId, year));
  const planDetails = useQueries({ queries: (plans.data?.items ?? []).map((p) => planQuery(p.id)) });
  const planItemOptions = planDetails.flatMap((q) => (q.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.plannedOn} ${i.topic}`, topic: i.topic, materials: i.materials })));
  const materialOptions = useMaterialOptions(orgId);
  const [editing, setEditing] = useState<StudySession | 'new' | null>(null);
  const [attendance, setAttendance] = useState<AttendanceRow[]>([]);
  const [form] = Form.useForm<SessionForm>();
  const refresh = () => qc.invalidateQueries({ queryKey: ['study'] });

  const open = async (s: StudySessionSummary | 'new') => {
    if (s === 'new') {
      setEditing('new'); setAttendance([]);
      form.setFieldsValue({ heldOn: dayjs(), topic: '', place: '党员活动室', note: '', planItemId: null, materialIds: [] });
      return;
    }
    const full = await qc.fetchQuery(sessionQuery(s.id));
    setEditing(full);
    setAttendance(full.attendance.map((a) => ({ memberId: a.memberId, name: a.name, present: a.present, absenceReason: a.absenceReason ?? '' })));
    form.setFieldsValue({ heldOn: dayjs(full.heldOn), topic: full.topic, place: full.place ?? '', note: full.note ?? '', planItemId: full.planItemId, materialIds: full.materials.map((m) => m.id) });
  };
  const save = async () => {
    const v = await form.validateFields();
    if (attendance.some((a) => !a.present && !a.absenceReason.trim())) { message.error('缺席的党员请填写缺席原因'); return; }
    const body = {
      heldOn: v.heldOn.format('YYYY-MM-DD'), topic: v.topic.trim(), place: v.place?.trim() || null, note: v.note?.trim() || null,
      planItemId: v.planItemId ?? null, materialIds: v.materialIds ?? [],
      attendance: attendance.map((a) => ({ memberId: a.memberId, present: a.present, absenceReason: a.present ? null : a.absenceReason.trim() })),
    };
    if (editing === 'new') await createSession({ orgId, ...body });
    else if (editing) await updateSession(editing.id, { ...body, version: editing.version });
    setEditing(null);
    message.success('已保存');
    void refresh();
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void open('new')} data-testid="session-new">登记学习活动</Button>
      </Space>
      <Table<StudySessionSummary> scroll={{ x: 860 }}
        rowKey="id" size="middle" loading={sessions.isPending} dataSource={sessions.data?.items ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: `${year} 年还没有登记学习活动` }}
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 120 },
          { title: '主题', render: (_, s) => <>{s.topic} {s.planItemId ? <Tag color="blue">计划内</Tag> : null}</> },
          { title: '地点', dataIndex: 'place', render: (p: string | null) => p ?? '—' },
          { title: '出勤', width: 160, render: (_, s) => (s.expectedCount ? `${s.presentCount} / ${s.expectedCount}（${Math.round((s.presentCount / s.expectedCount) * 100)}%）` : '—') },
          {
            title: '操作', width: 140, render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => void open(s)}>编辑</Button>
                <Popconfirm title="确定删除这次学习活动？" okText="删除" cancelText="取消" onConfirm={async () => { await deleteSession(s.id); void refresh(); }}>
                  <Button size="small" danger>删除</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal title={editing === 'new' ? '登记学习活动' : '修改学习活动'} open={editing !== null} onOk={() => void save()} onCancel={() => setEditing(null)}
        okText="保存" cancelText="取消" width={960} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Space align="start" wrap>
            <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker maxDate={dayjs()} /></Form.Item>
            <Form.Item name="planItemId" label="对应计划专题（可不选）" style={{ width: 360 }}>
              <Select allowClear options={planItemOptions} placeholder="计划外的学习可不选"
                onChange={(id) => {
                  const item = planItemOptions.find((o) => o.value === id);
                  if (item) form.setFieldsValue({ topic: form.getFieldValue('topic') || item.topic, materialIds: item.materials.map((m) => m.id) });
                }} />
            </Form.Item>
            <Form.Item name="place" label="地点" style={{ width: 200 }}><Input maxLength={100} /></Form.Item>
          </Space>
          <Form.Item name="topic" label="学习主题" rules={[{ required: true, whitespace: true, min: 2, max: 200, message: '请填写学习主题' }]}><Input /></Form.Item>
          <Form.Item name="materialIds" label="学习资料"><Select mode="multiple" options={materialOptions} optionFilterProp="label" maxCount={20} /></Form.Item>
          <Form.Item name="note" label="备注"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Form.Item label="出勤情况">
            <AttendanceEditor orgId={orgId} value={attendance} onChange={setAttendance} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
