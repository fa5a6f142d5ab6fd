// 批量导入: 1 选择文件 -> 2 校验预览 -> 3 导入. All-or-nothing; the job id is kept in the URL (?job=).
import { useState } from 'react';
import { Button, Card, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { importJobQuery } from '../../../api/imports';
import type { ImportJob } from '../../../api/types';
import { useCurrentOrg } from '../../../components/layout/currentOrg';
import { PageLoading } from '../../../components/PageLoading';
import { IMPORT_STATUS_LABELS } from '../../../lib/labels';
import { CheckStep } from './CheckStep';
import { CommitStep } from './CommitStep';
import { UploadStep } from './UploadStep';

const STATUS_COLORS: Record<ImportJob['status'], string> = {
  parsing: 'processing',
  previewed: 'blue',
  committing: 'processing',
  done: 'success',
  failed: 'error',
};

/** Whether a job reached the commit phase (a failed parse has no valid, problem-free rows). */
const reachedCommit = (job: ImportJob, committedHere: boolean) =>
  job.status === 'committing' || job.status === 'done' ||
  (job.status === 'failed' && (committedHere || (job.validRows > 0 && job.problemCount === 0)));

export default function ImportPage() {
  const { orgId, org, withOrg } = useCurrentOrg();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const jobId = Number(params.get('job')) || null;
  const job = useQuery({ ...importJobQuery(jobId ?? 0), enabled: jobId !== null });
  const [committedHere, setCommittedHere] = useState(false);

  const setJob = (j: ImportJob | null) => {
    setCommittedHere(false);
    if (j) qc.setQueryData(importJobQuery(j.id).queryKey, j);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (j) next.set('job', String(j.id));
      else next.delete('job');
      return next;
    });
  };

  const data = job.data;
  const step = !jobId || !data ? 0 : reachedCommit(data, committedHere) ? 2 : 1;
  const failed = data?.status === 'failed';

  return (
    <>
      <div className="zd-page-title">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(withOrg('/members'))} aria-label="返回党员管理" />
        <Typography.Title level={4}>批量导入党员</Typography.Title>
        {data && (
          <Tag color={STATUS_COLORS[data.status]} data-testid="import-status" data-status={data.status}>
            {IMPORT_STATUS_LABELS[data.status]}
          </Tag>
        )}
      </div>
      <Card>
        <Steps
          current={step}
          status={failed ? 'error' : step === 2 && data?.status === 'done' ? 'finish' : 'process'}
          style={{ marginBottom: 24 }}
          items={[{ title: '选择文件' }, { title: '校验预览' }, { title: '导入' }]}
        />
        {jobId && job.isPending ? (
          <PageLoading />
        ) : step === 0 || !data ? (
          <UploadStep orgId={orgId} orgName={org?.name ?? ''} onStarted={setJob} />
        ) : step === 1 ? (
          <CheckStep
            job={data}
            onCommitted={(j) => {
              setCommittedHere(true);
              qc.setQueryData(importJobQuery(j.id).queryKey, j);
            }}
            onRestart={() => setJob(null)}
          />
        ) : (
          <CommitStep job={data} membersLink={withOrg('/members')} onRestart={() => setJob(null)} />
        )}
      </Card>
    </>
  );
}
