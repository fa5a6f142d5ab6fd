import { App, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ROLES, ROLE_LABELS, type Role } from '@contracts/enums';
import { accountKeys, createAccount } from '../../api/accounts';
import type { Me } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { MemberSelect } from '../../components/member/MemberSelect';
import { OrgPicker } from '../../components/org/OrgPicker';
import { PasswordField } from './PasswordField';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  memberId?: number | null;
  initialPassword: string;
}

export function AccountCreateModal(props: { open: boolean; me: Me; defaultOrg: { id: number; name: string }; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  // An org admin cannot hand out work-committee rights.
  const roles = ROLES.filter((r) => props.me.role === 'work_committee_admin' || r !== 'work_committee_admin');

  const submit = async (v: Values) => {
    const a = await createAccount({
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      role: v.role,
      orgId: v.orgId,
      memberId: v.memberId ?? null,
      initialPassword: v.initialPassword,
    });
    await qc.invalidateQueries({ queryKey: accountKeys.all });
    message.success(`账号“${a.username}”已创建，请将初始密码告知本人`);
  };

  return (
    <FormModal<Values>
      open={props.open}
      title="新建账号"
      okText="创建"
      width={600}
      initialValues={{ role: 'org_admin', orgId: props.defaultOrg.id }}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <CreateFields roles={roles} defaultOrgName={props.defaultOrg.name} policy={props.me.passwordPolicy} />
    </FormModal>
  );
}

function CreateFields({ roles, defaultOrgName, policy }: { roles: Role[]; defaultOrgName: string; policy: Me['passwordPolicy'] }) {
  const form = Form.useFormInstance<Values>();
  const orgId = Form.useWatch('orgId', form);
  const role = Form.useWatch('role', form);
  return (
    <>
      <Form.Item
        label="用户名"
        name="username"
        rules={[
          { required: true, whitespace: true, message: '请输入用户名' },
          { min: 3, max: 32, message: '用户名为 3 到 32 个字符' },
          { pattern: /^[A-Za-z0-9_.-]+$/, message: '用户名只能包含字母、数字、下划线、点和短横线' },
        ]}
      >
        <Input autoComplete="off" placeholder="用于登录，如 zhangsan" />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      </Form.Item>
      <Form.Item label="所属组织" name="orgId" rules={[{ required: true, message: '请选择所属组织' }]} extra="组织管理员可管理该组织及其下级组织。">
        <OrgPicker initialLabel={defaultOrgName} onChange={() => form.setFieldValue('memberId', null)} />
      </Form.Item>
      <Form.Item
        label="关联党员"
        name="memberId"
        rules={[{ required: role === 'member', message: '党员账号须关联党员档案' }]}
        extra="可选；关联后本人可在手机上查看自己的党员信息。"
      >
        <MemberSelect
          orgId={orgId}
          onChange={(_id, m) => {
            if (m && !form.getFieldValue('displayName')) form.setFieldValue('displayName', m.name);
          }}
        />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50, message: '姓名不能超过 50 个字' }]}>
        <Input />
      </Form.Item>
      <PasswordField name="initialPassword" label="初始密码" policy={policy} />
    </>
  );
}
