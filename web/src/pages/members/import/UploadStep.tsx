import { useState } from 'react';
import { Alert, Button, Progress, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, MEMBER_XLSX_COLUMNS } from '@contracts/limits';
import { startImport } from '../../../api/imports';
import { downloadImportTemplate } from '../../../api/members';
import type { ImportJob } from '../../../api/types';

const MAX_MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

export function UploadStep(props: { orgId: number; orgName: string; onStarted: (job: ImportJob) => void }) {
  const [uploading, setUploading] = useState(false);
  const [percent, setPercent] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (file: File) => {
    setProblem(null);
    if (!/\.xlsx$/i.test(file.name)) return setProblem('只能上传 .xlsx 格式的 Excel 文件（旧版 .xls 请先另存为 .xlsx）。');
    if (file.size > IMPORT_MAX_BYTES) return setProblem(`文件超过 ${MAX_MB} MB，请拆分后分批导入。`);
    setUploading(true);
    setPercent(0);
    try {
      props.onStarted(await startImport(props.orgId, file, setPercent));
    } catch {
      // the error has been shown
    } finally {
      setUploading(false);
    }
  };

  const required = MEMBER_XLSX_COLUMNS.filter((c) => c.required).map((c) => c.header).join('、');

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`导入到：${props.orgName || '当前组织'}（及其下级组织）`}
        description={
          <>
            <div>请使用导入模板填写，每行一名党员；必填列：{required}。“所在党组织”须为该组织或其下级组织的名称。</div>
            <div>导入为“全部成功或全部不导入”：只要有一行有问题，就需要修改文件后重新上传。单个文件不超过 {MAX_MB} MB、{IMPORT_MAX_ROWS.toLocaleString('zh-CN')} 行。</div>
          </>
        }
        action={<Button icon={<DownloadOutlined />} onClick={() => void downloadImportTemplate()}>下载模板</Button>}
      />
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} />}
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            void send(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{uploading ? '正在上传…' : '点击选择或将 Excel 文件拖到此处'}</p>
          <p className="ant-upload-hint">仅支持 .xlsx 文件</p>
        </Upload.Dragger>
      </div>
      {uploading && <Progress percent={percent} style={{ marginTop: 12 }} />}
    </>
  );
}
