// 理论学习: materials, plans, sessions with attendance, statistics, for the org chosen in the tree.
import { useState } from 'react';
import { Select, Tabs, Typography } from 'antd';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { MaterialsTab } from './MaterialsTab';
import { PlansTab } from './PlansTab';
import { SessionsTab } from './SessionsTab';
import { StatsTab } from './StatsTab';

export default function StudyPage() {
  const { orgId, org } = useCurrentOrg();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [tab, setTab] = useState('sessions');
  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>理论学习</Typography.Title>
        <Typography.Text type="secondary">{org?.name}</Typography.Text>
        <span style={{ flex: 1 }} />
        {tab !== 'materials' && (
          <Select value={year} onChange={setYear} style={{ width: 120 }} data-testid="study-year"
            options={Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: `${y} 年` }))} />
        )}
      </div>
      <div className="zd-panel" style={{ padding: '0 16px 16px' }}>
        <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
          { key: 'sessions', label: '学习活动', children: <SessionsTab key={orgId} orgId={orgId} year={year} /> },
          { key: 'plans', label: '学习计划', children: <PlansTab key={orgId} orgId={orgId} year={year} /> },
          { key: 'materials', label: '学习资料', children: <MaterialsTab key={orgId} orgId={orgId} /> },
          { key: 'stats', label: '学习统计', children: <StatsTab key={orgId} orgId={orgId} year={year} /> },
        ]} />
      </div>
    </>
  );
}
