// 调整阵地类别: an admin above the org sets the tier by hand (with a reason), or goes back to the derived one.
import { App, Form, Input, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { baseProfileKeys, overrideTier } from '../../api/baseProfiles';
import type { BaseProfile } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { tierLabel } from './facts';

/** 0 in the select stands for "no override" (null in the body). */
const CLEAR = 0;

export function TierOverrideModal({ profile, onClose }: { profile: BaseProfile; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const known = { tier: profile.tier, name: profile.tierName };
  const derived = tierLabel(profile.tierDerived, known);
  const options = [
    ...[1, 2, 3].map((t) => ({ value: t, label: tierLabel(t, known) })),
    ...(profile.tierOverride !== null ? [{ value: CLEAR, label: `取消调整（恢复按档案推定：${derived}）` }] : []),
  ];
  return (
    <FormModal<{ tier: number; reason: string }>
      open
      title={`调整阵地类别：${profile.orgName}`}
      okText="确定"
      initialValues={{ tier: profile.tierOverride ?? undefined, reason: '' }}
      onClose={onClose}
      onSubmit={async ({ tier, reason }) => {
        const saved = await overrideTier(profile.orgId, {
          tier: tier === CLEAR ? null : tier,
          reason: reason.trim(),
          version: profile.version,
        });
        qc.setQueryData(baseProfileKeys.detail(profile.orgId), saved);
        message.success(tier === CLEAR ? `已取消调整，当前类别：${saved.tierName ?? '未定'}` : `已调整为${saved.tierName ?? tierLabel(tier)}`);
      }}
    >
      <Typography.Paragraph type="secondary">
        按档案推定为“{derived}”。调整后以调整的类别为准，档案变化不再改变类别，直到取消调整。
      </Typography.Paragraph>
      <Form.Item name="tier" label="阵地类别" rules={[{ required: true, message: '请选择阵地类别' }]}>
        <Select options={options} placeholder="请选择" />
      </Form.Item>
      <Form.Item
        name="reason"
        label="调整原因"
        rules={[
          { required: true, whitespace: true, message: '请填写调整原因' },
          {
            validator: (_, v?: string) =>
              !v || (v.trim().length >= 2 && v.trim().length <= 200)
                ? Promise.resolve()
                : Promise.reject(new Error('调整原因为 2 至 200 字')),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount placeholder="例如：活动室正在装修，暂借会议室使用" />
      </Form.Item>
    </FormModal>
  );
}
