// /me: the member's own page. Phone first, large text, no admin frame and no antd.
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Navigate, useNavigate } from 'react-router';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS } from '@contracts/enums';
import { myProfileQuery } from '../../api/members';
import { isAdmin, logout, useMe } from '../../api/session';
import type { MemberDetail, Org } from '../../api/types';
import { Loading } from '../../components/plain/Spinner';
import { fmtDate, orDash } from '../../lib/format';
import '../../components/plain/plain.css';
import './me.css';

export default function MePage() {
  const me = useMe();
  const navigate = useNavigate();
  const ready = Boolean(me.data && !me.data.mustChangePassword);
  const profile = useQuery({ ...myProfileQuery(), enabled: ready });

  if (me.data?.mustChangePassword) return <Navigate to="/change-password" replace />;

  const member = profile.data?.member ?? null;
  const org = profile.data?.org ?? null;

  return (
    <div className="zp zd-me">
      <header className="zd-me-bar">
        <span className="zd-me-brand">阵地</span>
        <span>我的信息</span>
      </header>
      <main className="zd-me-main">
        {!me.data || profile.isPending ? (
          <Loading />
        ) : profile.isError ? (
          <section className="zd-me-card zd-me-note">
            <p>暂时无法读取您的信息，请检查网络后重试。</p>
            <button type="button" className="zp-btn" onClick={() => void profile.refetch()}>重试</button>
          </section>
        ) : member ? (
          <Profile member={member} org={org} />
        ) : (
          <section className="zd-me-card">
            <div className="zd-me-name">{me.data.displayName}</div>
            <p className="zd-me-note">您的账号尚未关联党员档案，请联系本单位党组织管理员。</p>
            {(org || me.data.orgName) && <Row label="所在党组织" value={org?.name ?? me.data.orgName} />}
          </section>
        )}
        <section className="zd-me-actions">
          <button type="button" className="zp-btn zp-btn-primary" onClick={() => navigate('/inbox')} data-testid="me-inbox">我的通知</button>
          {me.data && isAdmin(me.data) && (
            <button type="button" className="zp-btn" onClick={() => navigate('/')}>进入管理后台</button>
          )}
          <button type="button" className="zp-btn" onClick={() => navigate('/change-password?next=/me')}>修改密码</button>
          <button type="button" className="zp-btn zp-btn-danger" onClick={() => void logout()} data-testid="logout">退出登录</button>
        </section>
      </main>
    </div>
  );
}

function Profile({ member: m, org }: { member: MemberDetail; org: Org | null }) {
  const years = dayjs().diff(dayjs(m.joinDate), 'year');
  const orgPath = m.orgPath || (org ? [...org.path.map((p) => p.name), org.name].join(' / ') : m.orgName);
  return (
    <section className="zd-me-card">
      <div className="zd-me-name">
        {m.name}
        <span className={`zd-me-tag ${m.category === 'full' ? 'full' : 'probationary'}`}>{MEMBER_CATEGORY_LABELS[m.category]}</span>
      </div>
      <div className="zd-me-org">{orgPath}</div>
      <Row label="所在党组织" value={m.orgName} />
      <Row label="入党日期" value={`${fmtDate(m.joinDate)}${years >= 1 ? `（党龄 ${years} 年）` : ''}`} />
      {m.category === 'probationary' && <Row label="预备期" value={`${fmtDate(m.probationStart)} 至 ${fmtDate(m.probationEnd)}`} />}
      <Row label="职务" value={m.post} />
      <Row label="性别" value={GENDER_LABELS[m.gender]} />
      <Row label="出生日期" value={fmtDate(m.birthDate)} />
      <Row label="学历" value={m.education} />
      <Row label="手机号码" value={m.phoneMasked} />
      <Row label="身份证号" value={m.idNumberMasked} />
    </section>
  );
}

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="zd-me-row">
      <span className="zd-me-label">{label}</span>
      <span className="zd-me-value">{orDash(value)}</span>
    </div>
  );
}
