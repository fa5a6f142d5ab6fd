import { Card, Empty, Spin, Timeline } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { orgHistoryQuery } from '../../api/orgs';
import { formatDetail } from '../../lib/detail';
import { fmtTime } from '../../lib/format';
import { orgEventLabel } from '../../lib/labels';

/** 变更记录: what happened to this org, newest first. */
export function OrgHistory({ orgId }: { orgId: number }) {
  const history = useQuery(orgHistoryQuery(orgId));
  return (
    <Card title="变更记录">
      {history.isPending ? (
        <Spin />
      ) : !history.data?.length ? (
        <Empty description="暂无变更记录" />
      ) : (
        <Timeline
          items={history.data.map((h) => ({
            key: h.id,
            title: fmtTime(h.at),
            content: (
              <div>
                <div style={{ fontWeight: 500 }}>{orgEventLabel(h.action)}</div>
                {h.detail && <div style={{ color: '#555', whiteSpace: 'pre-wrap' }}>{formatDetail(h.detail)}</div>}
                {h.actorName && <div style={{ color: '#999', fontSize: 12 }}>操作人：{h.actorName}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
