import { Alert, App, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { dissolveOrg, orgKeys } from '../../api/orgs';
import type { Org } from '../../api/types';
import { FormModal } from '../../components/FormModal';

/** 撤销: reason required, then a second confirmation. */
export function DissolveOrgModal(props: { open: boolean; org: Org; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { org } = props;

  const submit = async (v: { reason: string }) => {
    const confirmed = await modal.confirm({
      title: `确定撤销「${org.name}」吗？`,
      content: '撤销后该组织不再出现在组织树中（勾选“显示已撤销的组织”仍可查看），历史记录保留。',
      okText: '确定撤销',
      okButtonProps: { danger: true },
      cancelText: '再想想',
    });
    if (!confirmed) throw new Error('cancelled'); // keep the form open
    await dissolveOrg(org.id, { reason: v.reason.trim(), version: org.version });
    await qc.invalidateQueries({ queryKey: orgKeys.all });
    message.success('组织已撤销');
  };

  return (
    <FormModal<{ reason: string }> open={props.open} title={`撤销「${org.name}」`} okText="撤销" danger onSubmit={submit} onClose={props.onClose}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="撤销组织前，请先转出其党员、撤销或移走其下级组织。"
      />
      <Form.Item
        label="撤销原因"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请填写撤销原因' },
          { max: 500, message: '撤销原因不能超过 500 个字' },
        ]}
      >
        <Input.TextArea rows={3} placeholder="如：机构改革，本支部并入某某支部" showCount maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
