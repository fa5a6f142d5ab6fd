// Step 3: progress while the server inserts, then the outcome.
import { useEffect } from 'react';
import { Button, Progress, Result } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { memberKeys } from '../../../api/members';
import { orgKeys } from '../../../api/orgs';
import type { ImportJob } from '../../../api/types';

export function CommitStep({ job, membersLink, onRestart }: { job: ImportJob; membersLink: string; onRestart: () => void }) {
  const qc = useQueryClient();
  const done = job.status === 'done';
  useEffect(() => {
    if (done) {
      void qc.invalidateQueries({ queryKey: memberKeys.all });
      void qc.invalidateQueries({ queryKey: orgKeys.all });
    }
  }, [done, qc]);

  if (job.status === 'committing') {
    return (
      <div style={{ padding: '24px 0', textAlign: 'center' }}>
        <Progress percent={job.progress} status="active" />
        <div style={{ marginTop: 8, color: '#666' }}>
          正在导入 {job.validRows.toLocaleString('zh-CN')} 名党员，请勿关闭页面…
        </div>
      </div>
    );
  }
  if (done) {
    return (
      <Result
        status="success"
        title={`导入完成：成功导入 ${job.insertedRows.toLocaleString('zh-CN')} 名党员`}
        subTitle={`文件：${job.fileName}`}
        extra={[
          <Link key="list" to={membersLink}><Button type="primary">查看党员名单</Button></Link>,
          <Button key="again" onClick={onRestart}>继续导入其他文件</Button>,
        ]}
      />
    );
  }
  return (
    <Result
      status="error"
      title="导入失败，未导入任何数据"
      subTitle={job.error ?? '导入过程中出现错误'}
      extra={<Button type="primary" onClick={onRestart}>重新上传</Button>}
    />
  );
}
