// 审计日志 (work-committee admin only): filters, newest first, keyset paging with 加载更多, export.
import { useState } from 'react';
import { Button, DatePicker, Input, Result, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTION_LABELS, AUDIT_RESULTS, AUDIT_RESULT_LABELS, type AuditResult } from '@contracts/enums';
import { auditQuery, exportAudit, type AuditFilters } from '../../api/audit';
import { useMe } from '../../api/session';
import type { AuditEntry } from '../../api/types';
import { formatDetail } from '../../lib/detail';
import { fmtTime, orDash } from '../../lib/format';
import { actionLabel, roleLabel, TARGET_TYPE_LABELS } from '../../lib/labels';
import { useDebounced } from '../../lib/useDebounced';

const RESULT_COLORS: Record<AuditResult, string> = { ok: 'green', denied: 'orange', failed: 'red' };
const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));

export default function AuditPage() {
  const me = useMe().data;
  if (me && me.role !== 'work_committee_admin') {
    return <Result status="403" title="无权访问" subTitle="审计日志仅工委管理员可以查看。" />;
  }
  return <AuditLog />;
}

function AuditLog() {
  const [actorText, setActorText] = useState('');
  const actor = useDebounced(actorText.trim(), 400);
  const [action, setAction] = useState<string | undefined>();
  const [result, setResult] = useState<AuditResult | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [exporting, setExporting] = useState(false);

  const filters: AuditFilters = {
    actor: actor || undefined,
    action,
    result,
    from: range?.[0]?.toISOString(),
    to: range?.[1]?.toISOString(),
  };
  const log = useInfiniteQuery(auditQuery(filters));
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  const doExport = async () => {
    setExporting(true);
    await exportAudit(filters);
    setExporting(false);
  };

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>审计日志</Typography.Title>
        <Typography.Text type="secondary">记录登录、越权、修改、导出和查看个人信息等操作，按时间倒序排列</Typography.Text>
      </div>
      <div className="zd-toolbar">
        <Input.Search
          allowClear
          placeholder="操作人用户名或姓名"
          aria-label="操作人"
          value={actorText}
          onChange={(e) => setActorText(e.target.value)}
          style={{ width: 230 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部操作"
          aria-label="操作"
          value={action}
          onChange={setAction}
          options={ACTION_OPTIONS}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          placeholder="全部结果"
          aria-label="结果"
          value={result}
          onChange={setResult}
          options={AUDIT_RESULTS.map((r) => ({ value: r, label: AUDIT_RESULT_LABELS[r] }))}
          style={{ width: 120 }}
        />
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          placeholder={['开始时间', '结束时间']}
          value={range}
          onChange={(v) => setRange(v)}
          allowEmpty={[true, true]}
        />
        <span className="zd-grow" />
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void doExport()}>导出Excel</Button>
      </div>
      <div data-testid="audit-table">
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1200 }}
          locale={{ emptyText: '暂无符合条件的审计记录' }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: fmtTime },
            { title: '操作人', dataIndex: 'actorName', width: 170, render: orDash },
            { title: '角色', dataIndex: 'actorRole', width: 100, render: roleLabel },
            { title: 'IP地址', dataIndex: 'ip', width: 130, render: orDash },
            { title: '操作', dataIndex: 'action', width: 150, render: actionLabel },
            {
              title: '对象',
              key: 'target',
              ellipsis: true,
              render: (_: unknown, e) => {
                const target = e.targetType ? `${TARGET_TYPE_LABELS[e.targetType] ?? e.targetType}${e.targetId ? ` #${e.targetId}` : ''}` : '—';
                const detail = formatDetail(e.detail);
                return detail ? <Tooltip title={detail}>{target}<span style={{ color: '#999' }}>（{detail}）</span></Tooltip> : target;
              },
            },
            { title: '结果', dataIndex: 'result', width: 80, render: (r: AuditResult) => <Tag color={RESULT_COLORS[r]}>{AUDIT_RESULT_LABELS[r]}</Tag> },
            {
              title: '请求ID',
              dataIndex: 'requestId',
              width: 150,
              render: (v: string | null) =>
                v ? <Typography.Text copyable={{ tooltips: ['复制', '已复制'] }} style={{ fontFamily: 'monospace', fontSize: 12 }} ellipsis>{v}</Typography.Text> : '—',
            },
          ]}
        />
      </div>
      <div style={{ textAlign: 'center', margin: '16px 0', color: '#888' }}>
        {rows.length > 0 && <span style={{ marginInlineEnd: 12 }}>已显示 {rows.length} 条</span>}
        {log.hasNextPage ? (
          <Button loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>加载更多</Button>
        ) : rows.length > 0 ? (
          <span>已全部显示</span>
        ) : null}
      </div>
    </>
  );
}
