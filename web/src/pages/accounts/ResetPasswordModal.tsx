import { App, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { accountKeys, resetPassword } from '../../api/accounts';
import type { Account } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import type { PasswordPolicy } from '../../lib/password';
import { PasswordField } from './PasswordField';

/** Sets a new password; the account must change it at its next login. */
export function ResetPasswordModal(props: { open: boolean; account: Account; policy: PasswordPolicy; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const a = props.account;

  const submit = async (v: { newPassword: string }) => {
    await resetPassword(a.id, { newPassword: v.newPassword });
    await qc.invalidateQueries({ queryKey: accountKeys.all });
    message.success('密码已重置');
    modal.info({
      title: '请将新密码告知本人',
      content: (
        <div>
          账号“{a.username}”的新密码：
          <Typography.Text copyable={{ text: v.newPassword, tooltips: ['复制', '已复制'] }} code>{v.newPassword}</Typography.Text>
          <div style={{ marginTop: 8, color: '#888' }}>本人下次登录时须修改密码。</div>
        </div>
      ),
      okText: '知道了',
    });
  };

  return (
    <FormModal<{ newPassword: string }>
      open={props.open}
      title={`重置密码：${a.displayName}（${a.username}）`}
      okText="重置"
      onSubmit={submit}
      onClose={props.onClose}
    >
      <PasswordField name="newPassword" label="新密码" policy={props.policy} username={a.username} />
    </FormModal>
  );
}
