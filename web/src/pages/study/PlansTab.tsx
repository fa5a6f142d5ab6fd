// 学习计划: the org's plans for a year (whole-year or a quarter), each a list of dated topics with materials.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { createPlan, deletePlan, planQuery, plansQuery, updatePlan } from '../../api/study';
import type { StudyPlan, StudyPlanSummary } from '../../api/types';
import { useMaterialOptions } from './useMaterialOptions';

interface PlanForm { title: string; quarter: number | null; note?: string; items: { id?: number; topic: string; plannedOn: Dayjs; materialIds: number[] }[] }

function PlanItems({ id }: { id: number }) {
  const plan = useQuery(planQuery(id));
  return (
    <Table scroll={{ x: 860 }} size="small" rowKey="id" pagination={false} loading={plan.isPending} dataSource={plan.data?.items ?? []}
      columns={[
        { title: '日期', dataIndex: 'plannedOn', width: 120 },
        { title: '专题', dataIndex: 'topic' },
        { title: '学习资料', render: (_, i) => i.materials.map((m) => m.title).join('、') || '—' },
        { title: '开展情况', width: 100, render: (_, i) => (i.held ? <Tag color="green">已开展</Tag> : <Tag>未开展</Tag>) },
      ]} />
  );
}

export function PlansTab({ orgId, year }: { orgId: number; year: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const plans = useQuery(plansQuery(orgId, year));
  const materialOptions = useMaterialOptions(orgId);
  const [editing, setEditing] = useState<StudyPlan | 'new' | null>(null);
  const [form] = Form.useForm<PlanForm>();
  const refresh = () => qc.invalidateQueries({ queryKey: ['study'] });

  const open = async (p: StudyPlanSummary | 'new') => {
    if (p === 'new') {
      setEditing('new');
      form.setFieldsValue({ title: `${year}年度理论学习计划`, quarter: null, note: '', items: [{ topic: '', plannedOn: dayjs(`${year}-01-15`), materialIds: [] }] });
      return;
    }
    const full = await qc.fetchQuery(planQuery(p.id));
    setEditing(full);
    form.setFieldsValue({ title: full.title, quarter: full.quarter, note: full.note ?? '', items: full.items.map((i) => ({ id: i.id, topic: i.topic, plannedOn: dayjs(i.plannedOn), materialIds: i.materials.map((m) => m.id) })) });
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title.trim(), year, quarter: v.quarter ?? null, note: v.note?.trim() || null,
      items: (v.items ?? []).map((i) => ({ ...(i.id ? { id: i.id } : {}), topic: i.topic.trim(), plannedOn: i.plannedOn.format('YYYY-MM-DD'), materialIds: i.materialIds ?? [] })),
    };
    if (editing === 'new') await createPlan({ orgId, ...body });
    else if (editing) await updatePlan(editing.id, { ...body, version: editing.version });
    setEditing(null);
    message.success('已保存');
    void refresh();
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void open('new')} data-testid="plan-new">制定学习计划</Button>
      </Space>
      <Table<StudyPlanSummary> scroll={{ x: 860 }}
        rowKey="id" size="middle" loading={plans.isPending} dataSource={plans.data?.items ?? []} pagination={false}
        locale={{ emptyText: `${year} 年还没有学习计划` }}
        expandable={{ expandedRowRender: (p) => <PlanItems id={p.id} /> }}
        columns={[
          { title: '计划', dataIndex: 'title' },
          { title: '期间', width: 120, render: (_, p) => (p.quarter ? `${p.year} 年第 ${p.quarter} 季度` : `${p.year} 年全年`) },
          { title: '专题数', dataIndex: 'itemCount', width: 90 },
          {
            title: '操作', width: 140, render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => void open(p)}>编辑</Button>
                <Popconfirm title="确定删除这个计划？" okText="删除" cancelText="取消" onConfirm={async () => { await deletePlan(p.id); void refresh(); }}>
                  <Button size="small" danger>删除</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal title={editing === 'new' ? `制定 ${year} 年学习计划` : '修改学习计划'} open={editing !== null} onOk={() => void save()} onCancel={() => setEditing(null)}
        okText="保存" cancelText="取消" width={900} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Space align="start">
            <Form.Item name="title" label="计划名称" rules={[{ required: true, whitespace: true, min: 2, max: 100, message: '请填写计划名称' }]} style={{ width: 420 }}><Input /></Form.Item>
            <Form.Item name="quarter" label="期间" style={{ width: 160 }}>
              <Select options={[{ value: null, label: '全年' }, ...[1, 2, 3, 4].map((q) => ({ value: q, label: `第 ${q} 季度` }))]} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label="说明"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'plannedOn']} rules={[{ required: true, message: '请选择日期' }]}>
                      <DatePicker minDate={dayjs(`${year}-01-01`)} maxDate={dayjs(`${year}-12-31`)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'topic']} rules={[{ required: true, whitespace: true, min: 2, message: '请填写专题' }]} style={{ width: 300 }}>
                      <Input placeholder="学习专题" maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'materialIds']} style={{ width: 300 }}>
                      <Select mode="multiple" placeholder="学习资料" options={materialOptions} optionFilterProp="label" maxCount={20} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ topic: '', plannedOn: dayjs(`${year}-01-15`), materialIds: [] })}>添加专题</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
