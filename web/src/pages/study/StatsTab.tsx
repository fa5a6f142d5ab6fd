// 学习统计: for the org and each of its children (each over its whole subtree): topics planned, sessions held,
// attendance rate. Organization level only, by design: there is no per-member ranking.
import { Alert, Button, Progress, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { exportStats, statsQuery } from '../../api/study';
import type { StudyStatRow } from '../../api/types';

const pct = (v: number | null) => (v === null ? '—' : <Progress percent={Math.round(v * 1000) / 10} size="small" style={{ width: 140 }} />);

export function StatsTab({ orgId, year }: { orgId: number; year: number }) {
  const stats = useQuery(statsQuery(orgId, year));
  return (
    <>
      <div style={{ display: 'flex', gap: 12, marginBottom: 12, alignItems: 'center' }}>
        <Alert type="info" showIcon style={{ flex: 1 }} title="理论学习按组织评价：统计各组织计划专题与开展次数、出勤率，不对党员个人排名。" />
        <Button icon={<DownloadOutlined />} onClick={() => void exportStats(orgId, year)} data-testid="study-export">导出 Excel</Button>
      </div>
      <Table<StudyStatRow> scroll={{ x: 860 }}
        rowKey={(r) => `${r.org.id}-${r.self}`} size="middle" loading={stats.isPending} dataSource={stats.data?.rows ?? []} pagination={false}
        columns={[
          { title: '组织', render: (_, r) => (r.self ? <b>{r.org.name}（合计）</b> : r.org.name) },
          { title: '计划专题', dataIndex: 'planned', width: 100 },
          { title: '已开展', dataIndex: 'held', width: 90 },
          { title: '按计划开展', dataIndex: 'heldPlanned', width: 110 },
          { title: '计划完成率', width: 170, render: (_, r) => (r.planned ? pct(Math.min(1, r.heldPlanned / r.planned)) : '—') },
          { title: '应到/实到人次', width: 140, render: (_, r) => `${r.expected} / ${r.present}` },
          { title: '出勤率', width: 170, render: (_, r) => pct(r.attendanceRate) },
        ]}
      />
    </>
  );
}
