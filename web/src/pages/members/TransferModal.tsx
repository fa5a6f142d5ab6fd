import { Alert, App, DatePicker, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { memberKeys, transferMember } from '../../api/members';
import { orgKeys } from '../../api/orgs';
import type { MemberDetail } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { OrgPicker } from '../../components/org/OrgPicker';

interface Values {
  toOrgId: number;
  transferDate: Dayjs;
  reason?: string;
}

/** 组织关系转接: move a member to another organization. */
export function TransferModal(props: { open: boolean; member: MemberDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const m = props.member;

  const submit = async (v: Values) => {
    await transferMember(m.id, {
      toOrgId: v.toOrgId,
      transferDate: v.transferDate.format('YYYY-MM-DD'),
      reason: v.reason?.trim() || null,
      version: m.version,
    });
    await Promise.all([qc.invalidateQueries({ queryKey: memberKeys.all }), qc.invalidateQueries({ queryKey: orgKeys.all })]);
    message.success('组织关系转接已办理');
  };

  return (
    <FormModal<Values>
      open={props.open}
      title={`组织关系转接：${m.name}`}
      okText="办理转接"
      initialValues={{ transferDate: dayjs().startOf('day') }}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`当前所在组织：${m.orgName}`} />
      <Form.Item
        label="转入组织"
        name="toOrgId"
        rules={[
          { required: true, message: '请选择转入组织' },
          { validator: (_, id: number) => (id === m.orgId ? Promise.reject(new Error('转入组织不能是当前所在组织')) : Promise.resolve()) },
        ]}
      >
        <OrgPicker isDisabled={(n) => n.id === m.orgId} />
      </Form.Item>
      <Form.Item label="转接日期" name="transferDate" rules={[{ required: true, message: '请选择转接日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="转接原因" name="reason" rules={[{ max: 200, message: '原因不能超过 200 个字' }]}>
        <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：工作调动" />
      </Form.Item>
    </FormModal>
  );
}
