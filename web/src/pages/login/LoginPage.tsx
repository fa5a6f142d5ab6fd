// /login: username and password; errors (bad credentials, locked account with its unlock time) in Chinese.
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { queryClient } from '../../api/queryClient';
import { fetchMe, homePath, isAdmin, login, meKey } from '../../api/session';
import type { Me } from '../../api/types';
import { PasswordField, TextField } from '../../components/plain/Field';
import { Alert, PlainFrame } from '../../components/plain/PlainFrame';
import { Spinner } from '../../components/plain/Spinner';
import { fmtTime } from '../../lib/format';

/** Where to go after login: the page that sent us here, if this account may see it. */
export function afterLogin(me: Me, next: string | null): string {
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
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  // Already logged in (e.g. a bookmark of /login): go straight on.
  useEffect(() => {
    let live = true;
    fetchMe({ silent: true, noAuthRedirect: true })
      .then((me) => {
        if (!live) return;
        queryClient.setQueryData(meKey, me);
        navigate(afterLogin(me, next), { replace: true });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [navigate, next]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = { username: username.trim() ? undefined : '请输入用户名', password: password ? undefined : '请输入密码' };
    setMissing(m);
    if (m.username || m.password) return;
    setBusy(true);
    setError(null);
    try {
      const me = await login({ username: username.trim(), password });
      navigate(afterLogin(me, next), { replace: true });
    } catch (err) {
      setError({ text: loginError(err), locked: isApiError(err, 'ACCOUNT_LOCKED') });
      setBusy(false);
    }
  };

  return (
    <PlainFrame title="登录">
      {error && (
        <Alert kind={error.locked ? 'warning' : 'error'} title={error.locked ? '账号已锁定' : '登录失败'}>
          {error.text}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          label="用户名"
          name="username"
          autoComplete="username"
          autoCapitalize="off"
          autoCorrect="off"
          autoFocus
          value={username}
          onChange={setUsername}
          error={missing.username}
          testId="login-username"
        />
        <PasswordField
          label="密码"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={missing.password}
          testId="login-password"
        />
        <button type="submit" className="zp-btn zp-btn-primary" disabled={busy} data-testid="login-submit">
          {busy && <Spinner />}
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
      <div className="zp-foot">忘记密码请联系本单位党组织管理员重置</div>
    </PlainFrame>
  );
}
