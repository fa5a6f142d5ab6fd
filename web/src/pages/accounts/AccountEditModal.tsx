import { Alert, App, Checkbox, Form, Input, Radio } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ACCOUNT_STATUSES, ACCOUNT_STATUS_LABELS, ROLE_LABELS, type AccountStatus } from '@contracts/enums';
import { accountKeys, updateAccount } from '../../api/accounts';
import type { Account } from '../../api/types';
import { FormModal } from '../../components/FormModal';

interface Values {
  displayName: string;
  status: AccountStatus;
  unlock?: boolean;
}

/** Name, enable/disable, and unlock after too many failed logins. */
export function AccountEditModal(props: { open: boolean; account: Account; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const a = props.account;

  const submit = async (v: Values) => {
    await updateAccount(a.id, {
      displayName: v.displayName.trim(),
      status: v.status,
      unlock: v.unlock || undefined,
      version: a.version,
    });
    await qc.invalidateQueries({ queryKey: accountKeys.all });
    message.success('账号已保存');
  };

  return (
    <FormModal<Values>
      open={props.open}
      title={`编辑账号：${a.username}`}
      initialValues={{ displayName: a.displayName, status: a.status, unlock: false }}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${ROLE_LABELS[a.role]} · ${a.orgName ?? '—'}`} />
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50, message: '姓名不能超过 50 个字' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="账号状态" name="status" extra="停用后该账号不能登录，已登录的会话随即失效。">
        <Radio.Group options={ACCOUNT_STATUSES.map((s) => ({ value: s, label: s === 'disabled' ? '停用' : ACCOUNT_STATUS_LABELS[s] }))} />
      </Form.Item>
      {a.locked && (
        <Form.Item name="unlock" valuePropName="checked" extra="该账号因多次输错密码已被锁定。">
          <Checkbox>解除锁定</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
