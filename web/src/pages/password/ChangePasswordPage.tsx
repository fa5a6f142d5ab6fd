// /change-password: current + new + confirm, with the policy shown and checked here too.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError, showError } from '../../api/client';
import { notify } from '../../api/feedback';
import { changePassword, homePath, isAdmin, logout, useMe } from '../../api/session';
import type { Me } from '../../api/types';
import { PasswordField } from '../../components/plain/Field';
import { Alert, PlainFrame } from '../../components/plain/PlainFrame';
import { Loading, Spinner } from '../../components/plain/Spinner';
import { countClasses, describePolicy, policyProblem, type PasswordPolicy } from '../../lib/password';

type Errors = Partial<Record<'current' | 'next' | 'confirm', string>>;

export default function ChangePasswordPage() {
  const me = useMe();
  if (!me.data) return <PlainFrame title="修改密码"><Loading /></PlainFrame>;
  return <ChangePasswordForm me={me.data} />;
}

function ChangePasswordForm({ me }: { me: Me }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const policy = me.passwordPolicy;
  const forced = me.mustChangePassword;

  const target = params.get('next');
  const after = (updated: Me) =>
    target && target.startsWith('/') && !target.startsWith('//') && (isAdmin(updated) || target.startsWith('/me'))
      ? target
      : homePath(updated);

  const validate = (): Errors => ({
    current: current ? undefined : '请输入当前密码',
    next: !next ? '请输入新密码' : (policyProblem(next, policy, me.username) ?? (next === current ? '新密码不能与当前密码相同' : undefined)),
    confirm: !confirm ? '请再次输入新密码' : confirm !== next ? '两次输入的新密码不一致' : undefined,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    if (found.current || found.next || found.confirm) return;
    setBusy(true);
    try {
      const updated = await changePassword({ currentPassword: current, newPassword: next });
      notify.success('密码已修改');
      navigate(after(updated), { replace: true });
    } catch (err) {
      setBusy(false);
      if (isApiError(err, 'BAD_CREDENTIALS')) setErrors({ current: err.message || '当前密码不正确' });
      else if (isApiError(err, 'PASSWORD_POLICY') || isApiError(err, 'VALIDATION')) setErrors({ next: err.message });
      else showError(err);
    }
  };

  return (
    <PlainFrame title="修改密码">
      {forced && <Alert kind="warning">首次登录或密码已被重置，请先设置新密码后再继续使用。</Alert>}
      <Alert kind="info">密码要求：{describePolicy(policy)}</Alert>
      <form onSubmit={submit} noValidate>
        <PasswordField label="当前密码" autoComplete="current-password" value={current} onChange={setCurrent} error={errors.current} testId="pw-current" />
        <PasswordField
          label="新密码"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          error={errors.next}
          testId="pw-new"
          hint={<PolicyChecks value={next} policy={policy} />}
        />
        <PasswordField label="确认新密码" autoComplete="new-password" value={confirm} onChange={setConfirm} error={errors.confirm} testId="pw-confirm" />
        <button type="submit" className="zp-btn zp-btn-primary" disabled={busy} data-testid="pw-submit">
          {busy && <Spinner />}
          确认修改
        </button>
      </form>
      <div className="zp-foot">
        {forced ? (
          <button type="button" className="zp-link" onClick={() => void logout()}>退出登录</button>
        ) : (
          <button type="button" className="zp-link" onClick={() => navigate(-1)}>返回</button>
        )}
      </div>
    </PlainFrame>
  );
}

function PolicyChecks({ value, policy }: { value: string; policy: PasswordPolicy }) {
  const classes = countClasses(value);
  const lengthOk = value.length >= policy.minLength;
  const classesOk = classes >= policy.minClasses;
  return (
    <div className="zp-check">
      <div className={lengthOk ? 'ok' : undefined}>{lengthOk ? '✓' : '○'} 长度至少 {policy.minLength} 位（当前 {value.length} 位）</div>
      <div className={classesOk ? 'ok' : undefined}>
        {classesOk ? '✓' : '○'} 大写字母、小写字母、数字、符号中至少 {policy.minClasses} 类（当前 {classes} 类）
      </div>
    </div>
  );
}
