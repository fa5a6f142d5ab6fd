// 班子届次: the current term (dates, seats, days to the end) and earlier terms.
import { useState } from 'react';
import { Button, Card, Collapse, Descriptions, Empty, Space, Spin, Table, Tag } from 'antd';
import { EditOutlined, SyncOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { COMMITTEE_ROLES, COMMITTEE_ROLE_LABELS } from '@contracts/enums';
import { termsQuery } from '../../api/orgs';
import type { CommitteeSeat, CommitteeTerm, Org } from '../../api/types';
import { daysLeftColor, daysLeftText, fmtDate } from '../../lib/format';
import { CommitteeTermModal } from './CommitteeTermModal';

const byRole = (a: CommitteeSeat, b: CommitteeSeat) => COMMITTEE_ROLES.indexOf(a.role) - COMMITTEE_ROLES.indexOf(b.role);

export function CommitteeSection({ org }: { org: Org }) {
  const terms = useQuery(termsQuery(org.id));
  const [dialog, setDialog] = useState<'new' | 'edit' | null>(null);
  const current = terms.data?.[0] ?? null;
  const earlier = terms.data?.slice(1) ?? [];
  const active = org.status === 'active';

  return (
    <Card
      title="班子届次"
      extra={
        <Space>
          {current && (
            <Button icon={<EditOutlined />} disabled={!active} onClick={() => setDialog('edit')}>
              编辑本届
            </Button>
          )}
          <Button type="primary" ghost icon={<SyncOutlined />} disabled={!active} onClick={() => setDialog('new')}>
            {current ? '换届' : '录入班子'}
          </Button>
        </Space>
      }
    >
      {terms.isPending ? (
        <Spin />
      ) : !current ? (
        <Empty description="尚未录入班子届次" />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: 'start', label: '任期开始', children: fmtDate(current.startDate) },
              { key: 'end', label: '任期届满', children: fmtDate(current.endDate) },
              {
                key: 'left',
                label: '距届满',
                children: <Tag color={daysLeftColor(current.daysToEnd)}>{daysLeftText(current.daysToEnd)}</Tag>,
              },
            ]}
          />
          {current.expiringSoon && (
            <div style={{ color: current.daysToEnd < 0 ? '#cf1322' : '#d46b08', margin: '4px 0 12px' }}>
              {current.daysToEnd < 0 ? '本届班子任期已满，请尽快组织换届。' : '本届班子将在六个月内届满，请做好换届准备。'}
            </div>
          )}
          <SeatsTable seats={current.seats} />
          {earlier.length > 0 && (
            <Collapse
              ghost
              style={{ marginTop: 8 }}
              items={[{ key: 'earlier', label: `往届班子（${earlier.length}）`, children: <EarlierTerms terms={earlier} /> }]}
            />
          )}
        </>
      )}
      <CommitteeTermModal open={dialog !== null} org={org} mode={dialog ?? 'new'} term={current} onClose={() => setDialog(null)} />
    </Card>
  );
}

function SeatsTable({ seats }: { seats: CommitteeSeat[] }) {
  return (
    <Table<CommitteeSeat>
      rowKey={(s, i) => `${s.role}-${s.personName}-${i}`}
      size="small"
      pagination={false}
      dataSource={[...seats].sort(byRole)}
      locale={{ emptyText: '暂无班子成员' }}
      columns={[
        { title: '职务', dataIndex: 'role', width: 100, render: (r: CommitteeSeat['role']) => COMMITTEE_ROLE_LABELS[r] },
        { title: '姓名', dataIndex: 'personName' },
        { title: '党员档案', dataIndex: 'memberId', width: 100, render: (id: number | null) => (id ? <Tag color="green">已关联</Tag> : <Tag>未关联</Tag>) },
      ]}
    />
  );
}

function EarlierTerms({ terms }: { terms: CommitteeTerm[] }) {
  return (
    <div>
      {terms.map((t) => {
        const secretary = t.seats.find((s) => s.role === 'secretary')?.personName;
        return (
          <div key={t.id} style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
            {fmtDate(t.startDate)} 至 {fmtDate(t.endDate)}
            <span style={{ color: '#888', marginInlineStart: 12 }}>
              书记：{secretary ?? '—'}，成员 {t.seats.length} 人
            </span>
          </div>
        );
      })}
    </div>
  );
}
