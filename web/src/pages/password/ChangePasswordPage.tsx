import { useState } from 'react';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError, showError } from '../../api/client';
import { changePassword, homePath, isAdmin, logout, useMe } from '../../api/session';
import type { Me } from '../../api/types';
import { AuthFrame } from '../../components/AuthFrame';
import { PageLoading } from '../../components/PageLoading';
import { countClasses, describePolicy, policyProblem, type PasswordPolicy } from '../../lib/password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const me = useMe();
  if (!me.data) return <PageLoading full />;
  return <ChangePasswordForm me={me.data} />;
}

function ChangePasswordForm({ me }: { me: Me }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const policy = me.passwordPolicy;
  const forced = me.mustChangePassword;
  const newPassword = Form.useWatch('newPassword', form) ?? '';

  const next = params.get('next');
  const after = (updated: Me) =>
    next && next.startsWith('/') && !next.startsWith('//') && (isAdmin(updated) || next.startsWith('/me')) ? next : homePath(updated);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      const updated = await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success('密码已修改');
      navigate(after(updated), { replace: true });
    } catch (e) {
      if (isApiError(e, 'BAD_CREDENTIALS')) form.setFields([{ name: 'currentPassword', errors: [e.message || '当前密码不正确'] }]);
      else if (isApiError(e, 'PASSWORD_POLICY') || isApiError(e, 'VALIDATION'))
        form.setFields([{ name: 'newPassword', errors: [e.message] }]);
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title="修改密码">
      {forced && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="首次登录或密码已被重置，请先设置新密码后再继续使用。" />
      )}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`密码要求：${describePolicy(policy)}`} />
      <Form<Values> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" data-testid="pw-current" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: '请输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string) => {
                if (!value) return Promise.resolve();
                const problem = policyProblem(value, policy);
                if (problem) return Promise.reject(new Error(problem));
                if (value === getFieldValue('currentPassword')) return Promise.reject(new Error('新密码不能与当前密码相同'));
                return Promise.resolve();
              },
            }),
          ]}
          extra={<PolicyChecks value={newPassword} policy={policy} />}
        >
          <Input.Password autoComplete="new-password" data-testid="pw-new" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="pw-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="pw-submit">
          确认修改
        </Button>
      </Form>
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'center' }}>
        {forced ? (
          <Button type="link" onClick={() => void logout()}>退出登录</Button>
        ) : (
          <Button type="link" onClick={() => navigate(-1)}>返回</Button>
        )}
      </Space>
    </AuthFrame>
  );
}

function PolicyChecks({ value, policy }: { value: string; policy: PasswordPolicy }) {
  const lengthOk = value.length >= policy.minLength;
  const classes = countClasses(value);
  const classesOk = classes >= policy.minClasses;
  const mark = (ok: boolean) =>
    ok ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleOutlined style={{ color: '#bbb' }} />;
  return (
    <div style={{ marginTop: 4, lineHeight: 1.9 }}>
      <div>{mark(lengthOk)} 长度至少 {policy.minLength} 位（当前 {value.length} 位）</div>
      <div>{mark(classesOk)} 大写字母、小写字母、数字、符号中至少 {policy.minClasses} 类（当前 {classes} 类）</div>
    </div>
  );
}
