// /standards/:id/edit: edits a draft's pack. Forms for the common fields; the 高级 tab holds the whole
// pack as JSON for everything else. Saves with the row version; lists every VALIDATION problem.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Collapse, DatePicker, Form, Input, Radio, Result, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { isApiError, showError } from '../../api/client';
import { useMe } from '../../api/session';
import { standardKeys, standardQuery, updateStandard } from '../../api/standards';
import type { StandardVersionDetail } from '../../api/types';
import { NotFound } from '../../components/NotFound';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { EVIDENCE_OPTIONS, REQUIREMENT_KIND_LABELS, type StandardPack } from '../../lib/standard';
import { Forbidden } from './StandardsPage';

type Req = StandardPack['requirements'][number];
type Wall = StandardPack['wallItems'][number];

export default function StandardEditPage() {
  const id = Number(useParams().id);
  const me = useMe().data;
  const navigate = useNavigate();
  const valid = Number.isInteger(id) && id > 0;
  const std = useQuery({ ...standardQuery(id), enabled: valid && me?.role === 'work_committee_admin', staleTime: 0 });

  if (me && me.role !== 'work_committee_admin') return <Forbidden />;
  if (!valid) return <NotFound />;
  if (std.isPending) return <PageLoading />;
  if (std.isError) {
    return <Result status="error" title="加载失败" extra={<Button onClick={() => navigate('/standards')}>返回标准列表</Button>} />;
  }
  if (std.data.status !== 'draft') {
    return (
      <Result
        status="info"
        title="已发布的标准不可修改，请复制为新版本"
        extra={<Button onClick={() => navigate(`/standards/${id}`)}>返回标准</Button>}
      />
    );
  }
  return <Editor key={std.data.id} std={std.data} />;
}

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function Editor({ std }: { std: StandardVersionDetail }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [pack, setPack] = useState<StandardPack>(() => clone(std.content as StandardPack));
  const [tab, setTab] = useState('basic');
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  // The row version this editor's content is based on (the query may refetch underneath it).
  const [baseVersion, setBaseVersion] = useState(std.rowVersion);

  const reload = async () => {
    try {
      const fresh = await qc.fetchQuery({ ...standardQuery(std.id), staleTime: 0 });
      setPack(clone(fresh.content as StandardPack));
      setBaseVersion(fresh.rowVersion);
      setConflict(false);
      setProblems([]);
      if (tab === 'json') setJson(JSON.stringify(fresh.content, null, 2));
      message.info('已重新加载最新内容');
    } catch {
      /* shown by the client */
    }
  };

  const info = pack.pack;
  const setInfo = (patch: Partial<StandardPack['pack']>) => setPack((p) => ({ ...p, pack: { ...p.pack, ...patch } }));
  const setReq = (i: number, patch: Partial<Req>) =>
    setPack((p) => ({ ...p, requirements: p.requirements.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const setWall = (i: number, patch: Partial<Wall>) =>
    setPack((p) => ({ ...p, wallItems: p.wallItems.map((w, j) => (j === i ? { ...w, ...patch } : w)) }));

  /** The JSON tab's text as a pack, or null (with the error shown) when it does not parse. */
  const parseJson = (): StandardPack | null => {
    try {
      const parsed = JSON.parse(json) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('内容应为一个 JSON 对象 {…}');
      setJsonError(null);
      return parsed as StandardPack;
    } catch (e) {
      const msg = (e as Error).message;
      const at = /line (\d+) column (\d+)/.exec(msg);
      const where = at ? `（第 ${at[1]} 行第 ${at[2]} 列附近）` : '';
      setJsonError(/[\u4e00-\u9fff]/.test(msg) ? msg : `JSON 格式有误${where}，请检查括号、引号和逗号。`);
      return null;
    }
  };

  const changeTab = (next: string) => {
    if (next === tab) return;
    if (next === 'json') {
      setJson(JSON.stringify(pack, null, 2));
      setJsonError(null);
    } else if (tab === 'json') {
      const parsed = parseJson();
      if (!parsed) return; // stay until the JSON is fixed
      setPack(parsed);
    }
    setTab(next);
  };

  const save = async () => {
    let content: StandardPack = pack;
    if (tab === 'json') {
      const parsed = parseJson();
      if (!parsed) return;
      content = parsed;
      setPack(parsed);
    } else if (content.pack.notes) {
      // Lines typed but not yet tidied on blur: no empty notes.
      const notes = content.pack.notes.map((n) => n.trim()).filter(Boolean);
      content = { ...content, pack: { ...content.pack, notes: notes.length ? notes : undefined } };
    }
    setSaving(true);
    setProblems([]);
    try {
      const saved = await updateStandard(std.id, { content, version: baseVersion });
      qc.setQueryData(standardKeys.detail(std.id), saved);
      void qc.invalidateQueries({ queryKey: standardKeys.list() });
      message.success('已保存');
      navigate(`/standards/${std.id}`);
    } catch (e) {
      if (isApiError(e, 'VALIDATION')) {
        setProblems(e.details?.length ? e.details.map((d) => d.message) : [e.message]);
        window.scrollTo({ top: 0, behavior: 'smooth' });
      } else if (isApiError(e, 'CONFLICT')) {
        setConflict(true);
      } else {
        showError(e);
      }
    } finally {
      setSaving(false);
    }
  };

  const dateInput = (value: string | undefined, onChange: (v: string) => void, id: string) => (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      format="YYYY-MM-DD"
      allowClear={false}
      onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
      style={{ width: 180 }}
    />
  );

  const basic = (
    <Form layout="vertical" style={{ maxWidth: 820 }}>
      <Form.Item label="标准标题" htmlFor="std-title" required>
        <Input id="std-title" value={info.title} onChange={(e) => setInfo({ title: e.target.value })} />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item label="生效日期" htmlFor="std-effectiveFrom" required>{dateInput(info.effectiveFrom, (v) => setInfo({ effectiveFrom: v }), 'std-effectiveFrom')}</Form.Item>
        <Form.Item label="全覆盖期限" htmlFor="std-coverageDeadline" required>{dateInput(info.coverageDeadline, (v) => setInfo({ coverageDeadline: v }), 'std-coverageDeadline')}</Form.Item>
        <Form.Item label="标准编号">
          <Typography.Text code>{info.id}</Typography.Text> <Tag>{info.version}</Tag>
        </Form.Item>
      </Space>
      <Form.Item label="说明" extra="每行一条；空行会被忽略">
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 16 }}
          value={(info.notes ?? []).join('\n')}
          onChange={(e) => {
            const notes = e.target.value.split('\n');
            setInfo({ notes: notes.length === 1 && notes[0] === '' ? undefined : notes });
          }}
          onBlur={() => {
            const notes = (info.notes ?? []).map((n) => n.trim()).filter(Boolean);
            setInfo({ notes: notes.length ? notes : undefined });
          }}
        />
      </Form.Item>
    </Form>
  );

  const requirements = (
    <Collapse
      size="small"
      items={pack.requirements.map((r, i) => ({
        key: String(i),
        label: (
          <span>
            <Typography.Text code>{r.code}</Typography.Text> {r.title}{' '}
            <Typography.Text type="secondary">
              （{r.tiers.map((n) => pack.tiers.find((t) => t.tier === n)?.name ?? n).join('、')} · {REQUIREMENT_KIND_LABELS[r.kind] ?? r.kind}）
            </Typography.Text>
          </span>
        ),
        extra: r.required ? <Tag color="red">必须</Tag> : <Tag color="orange">有条件</Tag>,
        children: (
          <Form layout="vertical">
            <Form.Item label="标题" required>
              <Input value={r.title} maxLength={40} showCount onChange={(e) => setReq(i, { title: e.target.value })} />
            </Form.Item>
            <Form.Item label="原文" required>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} value={r.text} onChange={(e) => setReq(i, { text: e.target.value })} />
            </Form.Item>
            <Space size="large" wrap align="start">
              <Form.Item label="要求程度" extra={r.conditional ? `条件：${r.conditional}` : undefined}>
                <Radio.Group
                  value={r.required}
                  onChange={(e) => setReq(i, { required: e.target.value as boolean })}
                  options={[{ value: true, label: '必须' }, { value: false, label: '有条件' }]}
                />
              </Form.Item>
              <Form.Item label="佐证材料">
                <Checkbox.Group value={r.evidence} options={EVIDENCE_OPTIONS} onChange={(v) => setReq(i, { evidence: v })} />
              </Form.Item>
            </Space>
          </Form>
        ),
      }))}
    />
  );

  const walls = (
    <Table<Wall>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={pack.wallItems}
      locale={{ emptyText: '本标准没有上墙内容' }}
      columns={[
        { title: '编号', dataIndex: 'code', width: 80 },
        {
          title: '名称',
          key: 'name',
          render: (_: unknown, w, i) => <Input aria-label={`${w.code} 名称`} value={w.name} onChange={(e) => setWall(i, { name: e.target.value })} />,
        },
        {
          title: '必选/备选',
          key: 'required',
          width: 180,
          render: (_: unknown, w, i) => (
            <Radio.Group
              value={w.required}
              onChange={(e) => setWall(i, { required: e.target.value as boolean })}
              options={[{ value: true, label: '必选' }, { value: false, label: '备选' }]}
            />
          ),
        },
      ]}
    />
  );

  const advanced = (
    <>
      <Typography.Paragraph type="secondary">
        这里是标准包的完整内容（JSON 格式），可修改表单未涵盖的内容：要素、平台、阵地分类、自动核验等。格式见 standards/README.md。标准编号和版本号不能修改。
      </Typography.Paragraph>
      {jsonError && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={jsonError} />}
      <Input.TextArea
        className="zd-json"
        aria-label="标准内容 JSON"
        spellCheck={false}
        autoSize={{ minRows: 20, maxRows: 40 }}
        value={json}
        onChange={(e) => setJson(e.target.value)}
      />
    </>
  );

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>编辑标准草稿</Typography.Title>
        <Typography.Text type="secondary">{std.title} · {std.version}</Typography.Text>
        <span style={{ flex: 1 }} />
        <Space>
          <Button onClick={() => navigate(`/standards/${std.id}`)}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="standard-save">保存</Button>
        </Space>
      </div>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="该标准已被其他人修改，您的修改未保存。"
          description="请重新加载最新内容后再修改（重新加载会放弃本页未保存的修改）。"
          action={<Button onClick={() => void reload()}>重新加载</Button>}
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="standard-problems"
          title={`内容有 ${problems.length} 处问题，未保存：`}
          description={<ul className="zd-std-errors">{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>}
          closable={{ onClose: () => setProblems([]) }}
        />
      )}
      <Panel>
        <Tabs
          activeKey={tab}
          onChange={changeTab}
          items={[
            { key: 'basic', label: '基本信息', children: basic },
            { key: 'requirements', label: `建设要求（${pack.requirements.length}）`, children: requirements },
            { key: 'walls', label: `上墙内容（${pack.wallItems.length}）`, children: walls },
            { key: 'json', label: '高级（JSON）', children: advanced },
          ]}
        />
      </Panel>
    </>
  );
}
