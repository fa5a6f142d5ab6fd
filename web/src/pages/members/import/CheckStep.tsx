// Step 2: progress while the server checks the file, then counts, problems and a preview.
import { useState } from 'react';
import { Alert, Button, Col, Empty, Progress, Result, Row, Space, Statistic, Table, Tabs } from 'antd';
import { commitImport } from '../../../api/imports';
import type { ImportJob, ImportProblem } from '../../../api/types';
import { categoryLabel } from '../../../lib/labels';

interface Props {
  job: ImportJob;
  onCommitted: (job: ImportJob) => void;
  onRestart: () => void;
}

export function CheckStep({ job, onCommitted, onRestart }: Props) {
  const [busy, setBusy] = useState(false);

  if (job.status === 'parsing') {
    return (
      <div style={{ padding: '24px 0', textAlign: 'center' }}>
        <Progress percent={job.progress} status="active" />
        <div style={{ marginTop: 8, color: '#666' }}>
          正在读取并校验“{job.fileName}”… 已处理 {job.processedRows.toLocaleString('zh-CN')} 行
          {job.totalRows > 0 ? ` / 共 ${job.totalRows.toLocaleString('zh-CN')} 行` : ''}
        </div>
      </div>
    );
  }

  if (job.status === 'failed') {
    return (
      <Result
        status="error"
        title="文件无法读取"
        subTitle={`${job.error ?? '文件读取失败'}。本次未导入任何数据。`}
        extra={<Button type="primary" onClick={onRestart}>重新上传</Button>}
      />
    );
  }

  const commit = async () => {
    setBusy(true);
    try {
      onCommitted(await commitImport(job.id));
    } catch {
      // shown by the client
    } finally {
      setBusy(false);
    }
  };

  const blocked = job.problemCount > 0 || job.validRows === 0;

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={8}><Statistic title="数据行数" value={job.totalRows} /></Col>
        <Col xs={8}><Statistic title="校验通过" value={job.validRows} styles={{ content: { color: '#389e0d' } }} /></Col>
        <Col xs={8}>
          <Statistic title="问题数" value={job.problemCount} styles={{ content: { color: job.problemCount ? '#cf1322' : undefined } }} />
        </Col>
      </Row>
      {job.problemCount > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`发现 ${job.problemCount} 个问题，暂不能导入`}
          description="导入为“全部成功或全部不导入”。请按下表逐条修改 Excel 文件后重新上传。"
        />
      ) : job.validRows === 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="文件中没有可导入的党员数据，请检查是否填写在模板的第一个工作表中。" />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`全部 ${job.validRows} 行校验通过，可以导入。`} />
      )}
      <Tabs
        defaultActiveKey={job.problemCount > 0 ? 'problems' : 'preview'}
        items={[
          { key: 'problems', label: `问题（${job.problemCount}）`, children: <Problems job={job} /> },
          { key: 'preview', label: '数据预览', children: <Preview job={job} /> },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Button type="primary" size="large" disabled={blocked} loading={busy} onClick={() => void commit()} data-testid="import-commit">
          确认导入 {job.validRows > 0 && !blocked ? `${job.validRows} 名党员` : ''}
        </Button>
        <Button size="large" onClick={onRestart}>重新选择文件</Button>
      </Space>
      {blocked && job.problemCount > 0 && (
        <div style={{ marginTop: 8, color: '#cf1322' }}>存在问题时不能导入：请修改文件后重新上传。</div>
      )}
    </>
  );
}

function Problems({ job }: { job: ImportJob }) {
  return (
    <>
      {job.problemCount > job.problems.length && (
        <div style={{ marginBottom: 8, color: '#888' }}>共 {job.problemCount} 个问题，下表列出前 {job.problems.length} 个。</div>
      )}
      <Table<ImportProblem>
        rowKey={(p, i) => `${p.row}-${p.column}-${i}`}
        size="small"
        dataSource={job.problems}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 560 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有发现问题" /> }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80 },
          { title: '列', dataIndex: 'column', width: 120 },
          { title: '值', dataIndex: 'value', width: 200, ellipsis: true, render: (v: string) => v || '（空）' },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </>
  );
}

function Preview({ job }: { job: ImportJob }) {
  return (
    <>
      <div style={{ marginBottom: 8, color: '#888' }}>显示前 {job.preview.length} 行校验通过的数据。</div>
      <Table
        rowKey="row"
        size="small"
        dataSource={job.preview}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可预览的数据" /> }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80 },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '身份证号', dataIndex: 'idNumberMasked', width: 190 },
          { title: '所在党组织', dataIndex: 'orgName' },
          { title: '党员类别', dataIndex: 'category', width: 100, render: categoryLabel },
        ]}
      />
    </>
  );
}
