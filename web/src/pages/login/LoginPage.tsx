import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { queryClient } from '../../api/queryClient';
import { fetchMe, homePath, isAdmin, login, meKey } from '../../api/session';
import type { LoginBody, Me } from '../../api/types';
import { AuthFrame } from '../../components/AuthFrame';
import { fmtTime } from '../../lib/format';

/** Where to go after login: the page that sent us here, if this account may see it. */
function target(me: Me, next: string | null): string {
  if (me.mustChangePassword) return '/change-password';
  const safe = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login');
  if (safe && (isAdmin(me) || next.startsWith('/me'))) return next;
  return homePath(me);
}

/** The server's message, with any ISO timestamp (e.g. the unlock time) shown in local time. */
function loginError(e: unknown): string {
  if (!isApiError(e)) return '登录失败，请稍后重试';
  const text = e.message.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/g, (iso) => fmtTime(iso));
  if (e.status >= 500 && e.requestId) return `${text}（请求编号：${e.requestId}）`;
  return text;
}

export default function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  // Already logged in (e.g. a bookmark of /login): go straight on.
  useEffect(() => {
    let live = true;
    fetchMe({ silent: true, noAuthRedirect: true })
      .then((me) => {
        if (!live) return;
        queryClient.setQueryData(meKey, me);
        navigate(target(me, next), { replace: true });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [navigate, next]);

  const onFinish = async (values: LoginBody) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login({ username: values.username.trim(), password: values.password });
      navigate(target(me, next), { replace: true });
    } catch (e) {
      setError({ text: loginError(e), locked: isApiError(e, 'ACCOUNT_LOCKED') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title="登录">
      {error && (
        <Alert
          type={error.locked ? 'warning' : 'error'}
          showIcon
          title={error.locked ? '账号已锁定' : '登录失败'}
          description={error.text}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<LoginBody> layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" placeholder="请输入用户名" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" placeholder="请输入密码" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          登录
        </Button>
      </Form>
      <div style={{ marginTop: 16, color: '#999', fontSize: 13, textAlign: 'center' }}>
        忘记密码请联系本单位党组织管理员重置
      </div>
    </AuthFrame>
  );
}
