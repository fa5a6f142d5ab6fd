// /standards/:id: one version of a standard pack, rendered for reading; clone, and for drafts edit and publish.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Descriptions, Empty, Form, Input, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CopyOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { cloneStandard, publishStandard, standardKeys, standardQuery } from '../../api/standards';
import type { StandardVersionDetail } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { NotFound } from '../../components/NotFound';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { fmtDate, fmtTime } from '../../lib/format';
import {
  checkParamsText, checkTypeLabel, conditionText, EVIDENCE_LABELS, nextMinor, REQUIREMENT_KIND_LABELS, REQUIREMENT_KINDS,
  SEMVER_RE, type StandardPack,
} from '../../lib/standard';
import { StandardStatusTag } from './StandardStatusTag';
import { Forbidden } from './StandardsPage';

type Req = StandardPack['requirements'][number];

export default function StandardDetailPage() {
  const id = Number(useParams().id);
  const me = useMe().data;
  const navigate = useNavigate();
  const valid = Number.isInteger(id) && id > 0;
  const std = useQuery({ ...standardQuery(id), enabled: valid && me?.role === 'work_committee_admin' });

  if (me && me.role !== 'work_committee_admin') return <Forbidden />;
  if (!valid) return <NotFound />;
  if (std.isPending) return <PageLoading />;
  if (std.isError) {
    const nf = isApiError(std.error, 'NOT_FOUND');
    return (
      <Result
        status={nf ? '404' : 'error'}
        title={nf ? '该标准不存在' : '加载失败'}
        extra={<Button onClick={() => navigate('/standards')}>返回标准列表</Button>}
      />
    );
  }
  return <StandardView std={std.data} />;
}

function StandardView({ std }: { std: StandardVersionDetail }) {
  const pack = std.content as StandardPack;
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [cloning, setCloning] = useState(false);
  const draft = std.status === 'draft';

  const publish = async () => {
    const ok = await modal.confirm({
      title: `发布“${std.title}” ${std.version}？`,
      content: '发布后该版本不能再修改，如需调整只能复制为新版本。',
      okText: '发布',
      cancelText: '取消',
    });
    if (!ok) return;
    try {
      const saved = await publishStandard(std.id, { version: std.rowVersion });
      qc.setQueryData(standardKeys.detail(std.id), saved);
      void qc.invalidateQueries({ queryKey: standardKeys.list() });
      message.success('已发布');
    } catch {
      /* shown by the client; a conflict reloads */
    }
  };

  return (
    <div className="zd-std">
      <div className="zd-page-title">
        <Typography.Title level={4} data-testid="standard-title">{std.title}</Typography.Title>
        <Tag>{std.version}</Tag>
        <StandardStatusTag status={std.status} />
        <span className="zd-grow" style={{ flex: 1 }} />
        <Space wrap>
          <Button onClick={() => navigate('/standards')}>返回列表</Button>
          <Button icon={<CopyOutlined />} onClick={() => setCloning(true)}>复制为新版本</Button>
          {draft && <Button icon={<EditOutlined />} onClick={() => navigate(`/standards/${std.id}/edit`)}>编辑</Button>}
          {draft && <Button type="primary" icon={<SendOutlined />} onClick={() => void publish()}>发布</Button>}
        </Space>
      </div>
      {std.status === 'published' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="已发布的标准不可修改，请复制为新版本。" />
      )}
      {draft && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="这是草稿，尚未生效。修改完成后请发布。" />
      )}

      <Panel style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'issuer', label: '发布单位', children: pack.pack.issuer },
            { key: 'issuedOn', label: '发布日期', children: fmtDate(pack.pack.issuedOn) },
            { key: 'effective', label: '生效日期', children: fmtDate(pack.pack.effectiveFrom) },
            ...(pack.pack.effectiveTo ? [{ key: 'to', label: '失效日期', children: fmtDate(pack.pack.effectiveTo) }] : []),
            { key: 'deadline', label: '全覆盖期限', children: <strong data-testid="coverage-deadline">{fmtDate(pack.pack.coverageDeadline)}</strong> },
            { key: 'status', label: '状态', children: <StandardStatusTag status={std.status} /> },
            { key: 'packId', label: '标准编号', children: <Typography.Text code>{std.packId}</Typography.Text> },
            { key: 'publishedAt', label: '发布时间', children: std.publishedAt ? fmtTime(std.publishedAt) : '未发布' },
            { key: 'updated', label: '最后修改', children: fmtTime(std.updatedAt) },
            { key: 'source', label: '依据文件', span: 'filled', children: pack.pack.source },
          ]}
        />
        {pack.pack.notes && pack.pack.notes.length > 0 && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">说明</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, color: '#555' }}>
              {pack.pack.notes.map((n, i) => <li key={i}>{n}</li>)}
            </ul>
          </div>
        )}
      </Panel>

      <Panel title={pack.pack.essentialsLabel ? `${pack.pack.essentialsLabel}与平台` : '基本要素与平台'} style={{ marginBottom: 12 }}>
        <LabeledTags label={pack.pack.essentialsLabel ?? '基本要素'} items={pack.essentials} color="red" />
        {pack.platforms.length > 0 && <LabeledTags label={pack.pack.platformsLabel ?? '平台'} items={pack.platforms} color="blue" />}
      </Panel>

      <Panel title="阵地分类" style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>分类方法：{pack.tierRule.text}</Typography.Paragraph>
        <Table
          rowKey="tier"
          size="small"
          pagination={false}
          dataSource={pack.tiers}
          columns={[
            { title: '类别', dataIndex: 'name', width: 110, render: (v: string) => <strong>{v}</strong> },
            { title: '说明', dataIndex: 'description' },
            {
              title: '判定条件',
              key: 'when',
              width: 360,
              render: (_: unknown, t) =>
                t.when ? conditionText(t.when) : pack.tierRule.fallbackTier === t.tier ? '其他情况（兜底类别）' : '—',
            },
            {
              title: '本类上墙内容',
              key: 'wallList',
              width: 220,
              render: (_: unknown, t) => (t.wallList ? t.wallList.map((r) => wallName(pack, r)).join('、') : '见上墙内容表'),
            },
          ]}
        />
      </Panel>

      <Panel title={`上墙内容（${pack.wallItems.length} 项）`} style={{ marginBottom: 12 }}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={pack.wallItems}
          locale={{ emptyText: '本标准未规定上墙内容' }}
          columns={[
            { title: '编号', dataIndex: 'code', width: 70 },
            {
              title: '名称',
              dataIndex: 'name',
              render: (v: string, w) => (
                <>
                  {v}
                  {w.conditional && <Typography.Text type="secondary">（{w.conditional}）</Typography.Text>}
                </>
              ),
            },
            { title: '必选/备选', dataIndex: 'required', width: 100, render: (v: boolean) => (v ? <Tag color="red">必选</Tag> : <Tag>备选</Tag>) },
            { title: '适用类别', dataIndex: 'tiers', width: 200, render: (tiers: number[]) => tiers.map((n) => tierName(pack, n)).join('、') },
            { title: '可更换', dataIndex: 'replaceable', width: 80, render: (v?: boolean) => (v ? '是' : '否') },
          ]}
        />
      </Panel>

      <Panel title={`建设要求（共 ${pack.requirements.length} 条）`}>
        <Requirements pack={pack} />
      </Panel>

      {cloning && (
        <FormModal<{ newVersion: string }>
          open
          title={`复制“${std.title}”为新版本`}
          okText="复制"
          initialValues={{ newVersion: nextMinor(std.version) }}
          onClose={() => setCloning(false)}
          onSubmit={async ({ newVersion }) => {
            const copy = await cloneStandard(std.id, { newVersion: newVersion.trim() });
            void qc.invalidateQueries({ queryKey: standardKeys.list() });
            qc.setQueryData(standardKeys.detail(copy.id), copy);
            message.success(`已复制为草稿 ${copy.version}`);
            navigate(`/standards/${copy.id}`);
          }}
        >
          <Typography.Paragraph type="secondary">复制出的新版本是草稿，可以修改后再发布；原版本不受影响。</Typography.Paragraph>
          <Form.Item
            name="newVersion"
            label="新版本号"
            extra="格式：主版本.次版本.修订号，例如 1.1.0"
            rules={[
              { required: true, message: '请填写新版本号' },
              { pattern: SEMVER_RE, message: '版本号格式应为 1.1.0 这样的三段数字' },
            ]}
          >
            <Input autoFocus placeholder="例如 1.1.0" />
          </Form.Item>
        </FormModal>
      )}
    </div>
  );
}

function LabeledTags({ label, items, color }: { label: string; items: { code: string; name: string; description?: string }[]; color: string }) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', marginBottom: 8 }}>
      <span style={{ color: '#666', whiteSpace: 'nowrap', minWidth: 64 }}>{label}：</span>
      <div>
        {items.map((e) => (
          <Tooltip key={e.code} title={e.description}>
            <Tag color={color} style={{ marginBottom: 4 }}>{e.name}</Tag>
          </Tooltip>
        ))}
      </div>
    </div>
  );
}

const tierName = (pack: StandardPack, n: number) => pack.tiers.find((t) => t.tier === n)?.name ?? `第${n}类`;

function wallName(pack: StandardPack, ref: string): string {
  const [code, part] = ref.split('.');
  const item = pack.wallItems.find((w) => w.code === code);
  if (!item) return ref;
  return part ? (item.parts?.find((p) => p.code === part)?.name ?? ref) : item.name;
}

function Requirements({ pack }: { pack: StandardPack }) {
  if (pack.requirements.length === 0) return <Empty description="没有建设要求" />;
  return (
    <>
      {pack.tiers.map((t) => {
        const inTier = pack.requirements.filter((r) => r.tiers.includes(t.tier));
        return (
          <section key={t.tier} data-testid="tier-section" data-tier={t.tier} style={{ marginBottom: 20 }}>
            <h3 className="zd-std-tier">
              {t.name}
              <span>（{inTier.length} 条）</span>
            </h3>
            {inTier.length === 0 && <Typography.Text type="secondary">本类没有单独的建设要求。</Typography.Text>}
            {REQUIREMENT_KINDS.map((kind) => {
              const list = inTier.filter((r) => r.kind === kind);
              if (list.length === 0) return null;
              return (
                <div key={kind} style={{ marginBottom: 8 }}>
                  <h4 className="zd-std-kind">{REQUIREMENT_KIND_LABELS[kind]}</h4>
                  {list.map((r) => <RequirementItem key={r.code} pack={pack} r={r} />)}
                </div>
              );
            })}
          </section>
        );
      })}
    </>
  );
}

function RequirementItem({ pack, r }: { pack: StandardPack; r: Req }) {
  const essential = pack.essentials.find((e) => e.code === r.essential);
  const row = (label: string, content: ReactNode) => (
    <div className="zd-std-row">
      <span className="zd-std-label">{label}</span>
      <div>{content}</div>
    </div>
  );
  return (
    <div className="zd-std-req" data-testid="requirement" data-code={r.code}>
      <div className="zd-std-req-head">
        <Typography.Text code>{r.code}</Typography.Text>
        <strong>{r.title}</strong>
        {r.required ? <Tag color="red">必须</Tag> : <Tag color="orange">有条件</Tag>}
        {r.conditional && <Typography.Text type="secondary">{r.conditional}</Typography.Text>}
        {r.tiers.length > 1 && <Typography.Text type="secondary">适用：{r.tiers.map((n) => tierName(pack, n)).join('、')}</Typography.Text>}
      </div>
      <p className="zd-std-text">{r.text}</p>
      {row(
        `${pack.pack.essentialsLabel ?? '要素'}/平台`,
        <>
          <Tag color="red">{essential?.name ?? r.essential}</Tag>
          {r.platforms.map((p) => (
            <Tag key={p} color="blue">{pack.platforms.find((x) => x.code === p)?.name ?? p}</Tag>
          ))}
        </>,
      )}
      {row('佐证材料', r.evidence.map((e) => <Tag key={e}>{EVIDENCE_LABELS[e] ?? e}</Tag>))}
      {r.checks && r.checks.length > 0 &&
        row(
          '自动核验',
          <ul className="zd-std-checks">
            {r.checks.map((c, i) => (
              <li key={i}>
                <Tag color="green">{checkTypeLabel(c.type)}</Tag>
                {checkParamsText(c, pack.wallItems)}
                {c.note && <Typography.Text type="secondary">（口径说明：{c.note}）</Typography.Text>}
              </li>
            ))}
          </ul>,
        )}
      {r.resources && r.resources.length > 0 &&
        row(
          '相关资源',
          r.resources.map((x, i) => (
            <span key={i} style={{ marginInlineEnd: 12 }}>
              {x.url ? <a href={x.url} target="_blank" rel="noreferrer">{x.name}</a> : x.name}
            </span>
          )),
        )}
      {r.notes && row('备注', <Typography.Text type="secondary">{r.notes}</Typography.Text>)}
      {r.source && <div className="zd-std-source">出处：{r.source}</div>}
    </div>
  );
}
