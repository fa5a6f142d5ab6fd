// The facts of a base profile, in sections; saved whole with the version read (optimistic lock).
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { DUTIES, DUTY_LABELS, ROOM_KIND_LABELS, ROOM_KINDS } from '@contracts/standard-labels';
import { isApiError, showError } from '../../api/client';
import { baseProfileKeys, baseProfileQuery, updateBaseProfile } from '../../api/baseProfiles';
import type { BaseProfile } from '../../api/types';
import type { WritableBaseFacts } from '@contracts/schemas';
import { FACT_FIELDS, sameFacts, toFacts, toFormValues, URL_RE, type FactName, type FormValues } from './facts';

interface Props {
  /** The latest profile (the form keeps the one it was opened with). */
  profile: BaseProfile;
  /** Re-open the form on the latest profile (after a save, or to drop edits after a conflict). */
  onReload: () => void;
}

export function ProfileForm({ profile, onReload }: Props) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [base] = useState(profile);
  const [version, setVersion] = useState(profile.version);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  // The profile changed on the server (a refetch, a tier override, someone else's save).
  useEffect(() => {
    if (profile.version === version) return;
    if (sameFacts(profile.facts, base.facts)) {
      setVersion(profile.version); // only the tier changed: keep the edits, save on the new version
      setConflict(false);
    } else if (!dirty) {
      onReload();
    } else {
      setConflict(true);
    }
  }, [profile, version, base, dirty, onReload]);

  const save = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      message.error('请先改正标红的内容');
      return;
    }
    setSaving(true);
    try {
      await submit(toFacts(values), version, true);
    } finally {
      setSaving(false);
    }
  };

  /** PUT with a version; on CONFLICT, when only the tier changed meanwhile (same facts), once more on the new version. */
  const submit = async (facts: WritableBaseFacts, v: number, mayRetry: boolean): Promise<void> => {
    try {
      const saved = await updateBaseProfile(profile.orgId, { facts, version: v });
      qc.setQueryData(baseProfileKeys.detail(profile.orgId), saved);
      message.success(saved.tierName ? `已保存，当前阵地类别：${saved.tierName}` : '已保存');
      onReload();
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        const latest = await qc.fetchQuery({ ...baseProfileQuery(profile.orgId), staleTime: 0 }).catch(() => null);
        if (mayRetry && latest && sameFacts(latest.facts, base.facts)) {
          setVersion(latest.version);
          return submit(facts, latest.version, false);
        }
        setConflict(true);
        message.warning('已被他人修改，请刷新');
      } else {
        if (isApiError(e, 'VALIDATION') && e.details?.length) {
          const fields = e.details
            .map((d) => ({ name: (d.field ?? '').replace(/^\//, '').replace(/\//g, '.').replace(/^facts\./, ''), errors: [d.message] }))
            .filter((f) => f.name in FACT_FIELDS)
            .map((f) => ({ name: [f.name], errors: f.errors }));
          if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
        }
        showError(e);
      }
    }
  };

  const kind = Form.useWatch('activityRoom.kind', form);
  const seats = Form.useWatch('activityRoom.seats', form);
  const plates = Form.useWatch('deskPlates.count', form);
  const members = profile.memberCount;

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(base.facts)}
      onValuesChange={() => setDirty(true)}
      className="zd-bp-form"
      data-testid="base-profile-form"
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="已被他人修改，请刷新"
          description="刷新后载入最新的档案，您尚未保存的修改将丢失。"
          action={
            <Button size="small" onClick={onReload}>
              刷新
            </Button>
          }
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        如实填写本组织的阵地情况。不清楚的项目可以留作“未填”，不会按“没有”计算。
      </Typography.Paragraph>

      <Section title="党员活动室">
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="activityRoom.kind" label="活动室类型">
              <Radio.Group
                className="zd-bp-radios"
                options={ROOM_KINDS.map((k) => ({ value: k, label: ROOM_KIND_LABELS[k] }))}
              />
            </Form.Item>
          </Col>
          {kind === 'shared' && (
            <Col xs={24} md={12}>
              <Form.Item
                name="activityRoom.sharedWith"
                label={FACT_FIELDS['activityRoom.sharedWith'].label}
                rules={[{ max: 200, message: '最多 200 字' }]}
              >
                <Input placeholder="例如：会议室、图书室" maxLength={200} allowClear />
              </Form.Item>
            </Col>
          )}
          {kind !== 'none' && (
            <>
              <Col xs={12} md={6}>
                <Form.Item name="activityRoom.areaM2" label={FACT_FIELDS['activityRoom.areaM2'].label}>
                  <InputNumber min={0} max={10000} precision={1} suffix="m²" style={{ width: '100%' }} placeholder="未填" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name="activityRoom.seats"
                  label={FACT_FIELDS['activityRoom.seats'].label}
                  validateStatus={typeof seats === 'number' && seats < members ? 'warning' : undefined}
                  extra={<MembersHint count={members} value={seats} what="座位数" />}
                >
                  <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} placeholder="未填" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Section>

      <Section title="设施设备">
        <div className="zd-bp-subtitle">电教设备（有其中一种即可）</div>
        <Row gutter={16}>
          {(['mediaEquipment.computerWithInternet', 'mediaEquipment.tvWithDvd'] as const).map((name) => (
            <Col xs={24} md={12} key={name}>
              <Form.Item name={name} style={{ marginBottom: 8 }}>
                <CheckField label={FACT_FIELDS[name].label} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          {(['racks.newspaper', 'cabinets.bookcase'] as const).map((name) => (
            <Col xs={24} md={12} key={name}>
              <TriStateItem name={name} />
            </Col>
          ))}
        </Row>
      </Section>

      <Section title="宣传窗与公开栏">
        <Row gutter={16}>
          {(['noticeBoard.dedicated', 'noticeBoard.corridor', 'disclosureBoard.secretaryOffice'] as const).map((name) => (
            <Col xs={24} md={12} key={name}>
              <TriStateItem name={name} />
            </Col>
          ))}
        </Row>
      </Section>

      <Section title="桌牌">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="deskPlates.count"
              label={FACT_FIELDS['deskPlates.count'].label}
              validateStatus={typeof plates === 'number' && plates < members ? 'warning' : undefined}
              extra={<MembersHint count={members} value={plates} what="桌牌数" />}
            >
              <InputNumber min={0} max={10000} precision={0} suffix="块" style={{ width: '100%' }} placeholder="未填" />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title="新型阵地">
        <Row gutter={16}>
          {(['channels.siteUrl', 'channels.columnUrl'] as const).map((name) => (
            <Col xs={24} md={12} key={name}>
              <Form.Item
                name={name}
                label={FACT_FIELDS[name].label}
                rules={[
                  { max: 500, message: '最多 500 个字符' },
                  {
                    validator: (_, v?: string) =>
                      !v || !v.trim() || URL_RE.test(v.trim())
                        ? Promise.resolve()
                        : Promise.reject(new Error('请填写以 http:// 或 https:// 开头的完整网址')),
                  },
                ]}
              >
                <Input inputMode="url" placeholder="https://" allowClear maxLength={500} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} md={12}>
            <TriStateItem name="channels.microChannel" />
          </Col>
          <Col xs={24} md={12}>
            <TriStateItem name="screensaver.deployed" />
          </Col>
          {(['chatGroups.memberCoverage', 'subscription.followRate'] as const).map((name) => (
            <Col xs={24} md={12} key={name}>
              <Form.Item name={name} label={FACT_FIELDS[name].label} extra="按党员人数计，0–100%">
                <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: '100%' }} placeholder="未填" />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Section>

      <Section title="专人负责">
        <Row gutter={16}>
          {DUTIES.map((d) => {
            const name = `dutyHolders.${d}` as const;
            return (
              <Col xs={24} md={8} key={d}>
                <Form.Item name={name} label={DUTY_LABELS[d]}>
                  <SwitchField label={FACT_FIELDS[name].label} />
                </Form.Item>
                <Form.Item name={`${name}Name`} label="负责人姓名" rules={[{ max: 50, message: '不超过 50 字' }]}>
                  <Input placeholder="如：张三" allowClear maxLength={50} />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
      </Section>

      <div className="zd-bp-savebar">
        {dirty && !saving && <Typography.Text type="secondary">有未保存的修改</Typography.Text>}
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="save-base-profile">
          保存档案
        </Button>
      </div>
    </Form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="zd-bp-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function MembersHint({ count, value, what }: { count: number; value: unknown; what: string }) {
  const short = typeof value === 'number' && value < count;
  return (
    <span>
      党员 {count} 人
      {short && <Typography.Text type="warning">，{what}少于党员人数</Typography.Text>}
    </span>
  );
}

type Tri = boolean | undefined | null;
const TRI_OPTIONS = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
  { value: 'unset', label: '未填' },
];

/** 是 / 否 / 未填: a yes/no fact that may also be unknown. */
function TriState({ value, onChange }: { value?: Tri; onChange?: (v: boolean | undefined) => void }) {
  const current = value === true ? 'yes' : value === false ? 'no' : 'unset';
  return (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      options={TRI_OPTIONS}
      value={current}
      onChange={(e) => onChange?.(e.target.value === 'yes' ? true : e.target.value === 'no' ? false : undefined)}
    />
  );
}

function TriStateItem({ name }: { name: FactName }) {
  return (
    <Form.Item name={name} label={FACT_FIELDS[name].label}>
      <TriState />
    </Form.Item>
  );
}

/** A checkbox that stays "not filled in" until clicked; 清空 returns it to that. */
function CheckField({ label, value, onChange }: { label: string; value?: Tri; onChange?: (v: boolean | undefined) => void }) {
  return (
    <span className="zd-bp-bool">
      <Checkbox checked={value === true} onChange={(e) => onChange?.(e.target.checked)}>
        {label}
      </Checkbox>
      <UnsetHint value={value} onClear={() => onChange?.(undefined)} />
    </span>
  );
}

/** A switch that stays "not filled in" until switched; 清空 returns it to that. */
function SwitchField({ label, value, onChange }: { label: string; value?: Tri; onChange?: (v: boolean | undefined) => void }) {
  return (
    <span className="zd-bp-bool">
      <Switch checked={value === true} onChange={(v) => onChange?.(v)} checkedChildren="是" unCheckedChildren="否" aria-label={label} />
      <UnsetHint value={value} onClear={() => onChange?.(undefined)} />
    </span>
  );
}

function UnsetHint({ value, onClear }: { value?: Tri; onClear: () => void }) {
  if (value === undefined || value === null) return <Typography.Text type="secondary">（未填）</Typography.Text>;
  return (
    <Button type="link" size="small" onClick={onClear} style={{ paddingInline: 4 }}>
      清空
    </Button>
  );
}
