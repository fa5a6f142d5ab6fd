// The member's own page: phone first, large text, no admin frame.
import { Button, ConfigProvider, Result, Spin, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Navigate, useNavigate } from 'react-router';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS } from '@contracts/enums';
import { myProfileQuery } from '../../api/members';
import { isAdmin, logout, useMe } from '../../api/session';
import type { MemberDetail, Org } from '../../api/types';
import { fmtDate, orDash } from '../../lib/format';
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
    <ConfigProvider theme={{ token: { fontSize: 16 } }}>
      <div className="zd-me">
        <header className="zd-me-bar">
          <span className="zd-me-brand">阵地</span>
          <span>我的信息</span>
        </header>
        <main className="zd-me-main">
          {!me.data || profile.isPending ? (
            <div className="zd-me-loading"><Spin /> <div>正在加载…</div></div>
          ) : profile.isError ? (
            <Result status="warning" title="暂时无法读取您的信息" subTitle="请检查网络后重试。"
              extra={<Button size="large" onClick={() => void profile.refetch()}>重试</Button>} />
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
            {me.data && isAdmin(me.data) && (
              <Button size="large" block icon={<SettingOutlined />} onClick={() => navigate('/')}>进入管理后台</Button>
            )}
            <Button size="large" block icon={<KeyOutlined />} onClick={() => navigate('/change-password?next=/me')}>修改密码</Button>
            <Button size="large" block danger icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">退出登录</Button>
          </section>
        </main>
      </div>
    </ConfigProvider>
  );
}

function Profile({ member: m, org }: { member: MemberDetail; org: Org | null }) {
  const years = dayjs().diff(dayjs(m.joinDate), 'year');
  const orgPath = m.orgPath || (org ? [...org.path.map((p) => p.name), org.name].join(' / ') : m.orgName);
  return (
    <section className="zd-me-card">
      <div className="zd-me-name">
        {m.name}
        <Tag color={m.category === 'full' ? 'red' : 'orange'} className="zd-me-tag">{MEMBER_CATEGORY_LABELS[m.category]}</Tag>
      </div>
      <div className="zd-me-org">{orgPath}</div>
      <Row label="所在党组织" value={m.orgName} />
      <Row label="入党日期" value={`${fmtDate(m.joinDate)}${years >= 1 ? `（党龄 ${years} 年）` : ''}`} />
      {m.category === 'probationary' && (
        <Row label="预备期" value={`${fmtDate(m.probationStart)} 至 ${fmtDate(m.probationEnd)}`} />
      )}
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
