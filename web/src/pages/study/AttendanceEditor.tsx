// Attendance of a study session: members of the org's roll (load the whole roll, or add one by name search),
// each present or absent with a reason. Only the session's own counts come out of it: no per-member ranking.
import { useState } from 'react';
import { Button, Checkbox, Input, Space, Table, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { memberListQuery } from '../../api/members';
import { MemberSelect } from '../../components/member/MemberSelect';

export interface AttendanceRow { memberId: number; name: string; present: boolean; absenceReason: string }

export function AttendanceEditor({ orgId, value, onChange }: { orgId: number; value: AttendanceRow[]; onChange: (rows: AttendanceRow[]) => void }) {
  const qc = useQueryClient();
  const [loading, setLoading] = useState(false);
  const set = (id: number, patch: Partial<AttendanceRow>) => onChange(value.map((r) => (r.memberId === id ? { ...r, ...patch } : r)));
  const addMany = (rows: { id: number; name: string }[]) => {
    const known = new Set(value.map((r) => r.memberId));
    onChange([...value, ...rows.filter((m) => !known.has(m.id)).map((m) => ({ memberId: m.id, name: m.name, present: true, absenceReason: '' }))]);
  };
  const loadRoll = async () => {
    setLoading(true);
    try {
      const all: { id: number; name: string }[] = [];
      for (let page = 1; page <= 20; page++) {
        const p = await qc.fetchQuery(memberListQuery({ orgId, status: 'active', page, pageSize: 100 }));
        all.push(...p.items);
        if (page * p.pageSize >= p.total) break;
      }
      addMany(all);
    } finally { setLoading(false); }
  };
  const present = value.filter((r) => r.present).length;
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button icon={<TeamOutlined />} loading={loading} onClick={() => void loadRoll()} data-testid="attendance-load">载入本组织在册党员</Button>
        <div style={{ width: 320 }}>
          <MemberSelect orgId={orgId} value={null} placeholder="按姓名添加一名党员" onChange={(id, m) => { if (id && m) addMany([{ id, name: m.name }]); }} />
        </div>
        <Typography.Text type="secondary">应到 {value.length} 人，实到 {present} 人</Typography.Text>
      </Space>
      <Table<AttendanceRow>
        rowKey="memberId" size="small" dataSource={value} pagination={value.length > 50 ? { pageSize: 50 } : false}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 140 },
          { title: '出席', width: 80, render: (_, r) => <Checkbox checked={r.present} onChange={(e) => set(r.memberId, { present: e.target.checked })} /> },
          {
            title: '缺席原因', render: (_, r) => !r.present && (
              <Input size="small" value={r.absenceReason} maxLength={100} status={r.absenceReason.trim() ? undefined : 'error'}
                placeholder="请填写缺席原因（如：公出、病假）" onChange={(e) => set(r.memberId, { absenceReason: e.target.value })} />
            ),
          },
          { title: '', width: 60, render: (_, r) => <a onClick={() => onChange(value.filter((x) => x.memberId !== r.memberId))}>移除</a> },
        ]}
      />
    </>
  );
}
