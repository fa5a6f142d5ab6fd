// /orgs/:id/base: 阵地档案 — the facts about an organization's base, the tier the current standard gives it
// (or an ancestor admin's adjustment), its wall photos and the change history.
import { useCallback, useState } from 'react';
import { Alert, Button, Col, Empty, Result, Row, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { baseProfileQuery } from '../../api/baseProfiles';
import { useMe } from '../../api/session';
import type { BaseProfile } from '../../api/types';
import { NotFound } from '../../components/NotFound';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { fmtTime } from '../../lib/format';
import { tierLabel } from './facts';
import { ProfileForm } from './ProfileForm';
import { TierOverrideModal } from './TierOverrideModal';
import { WallPhotos } from './WallPhotos';
import './baseProfile.css';

export default function BaseProfilePage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const navigate = useNavigate();
  const profile = useQuery({ ...baseProfileQuery(id), enabled: valid });
  const [formKey, setFormKey] = useState(0);
  const reload = useCallback(() => setFormKey((k) => k + 1), []);

  if (!valid) return <NotFound />;
  if (profile.isPending) return <PageLoading />;
  if (profile.isError) {
    const e = profile.error;
    const nf = isApiError(e, 'NOT_FOUND');
    const fb = isApiError(e, 'FORBIDDEN');
    return (
      <Result
        status={nf ? '404' : fb ? '403' : 'error'}
        title={nf ? '组织不存在' : fb ? '无权查看该组织的阵地档案' : '阵地档案加载失败'}
        subTitle={!nf && !fb && isApiError(e) ? e.message : undefined}
        extra={
          <Space wrap>
            {!nf && !fb && <Button type="primary" onClick={() => void profile.refetch()}>重试</Button>}
            <Button onClick={() => navigate('/')}>返回首页</Button>
          </Space>
        }
      />
    );
  }

  const p = profile.data;
  return (
    <div className="zd-bp">
      <ProfileHeader profile={p} />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={16}>
          <Panel title="档案信息">
            <ProfileForm key={formKey} profile={p} onReload={reload} />
          </Panel>
          <WallPhotos orgId={p.orgId} />
        </Col>
        <Col xs={24} xl={8}>
          <ProfileHistory profile={p} />
        </Col>
      </Row>
    </div>
  );
}

function ProfileHeader({ profile: p }: { profile: BaseProfile }) {
  const me = useMe().data;
  const navigate = useNavigate();
  const [overriding, setOverriding] = useState(false);
  const canOverride = !!me && (me.role === 'work_committee_admin' || me.orgId !== p.orgId);
  const known = { tier: p.tier, name: p.tierName };

  return (
    <Panel>
      <div className="zd-page-title">
        <Typography.Title level={4} data-testid="base-profile-title">
          {p.orgName}
        </Typography.Title>
        <Typography.Text type="secondary">阵地档案</Typography.Text>
        {p.tier !== null ? (
          <Tag color="red" className="zd-bp-tier" data-testid="base-tier">
            {p.tierName ?? tierLabel(p.tier)}
          </Tag>
        ) : (
          <Tag data-testid="base-tier">未定类别</Tag>
        )}
        {p.tierOverride !== null && <Tag color="orange">已调整</Tag>}
        <span style={{ flex: 1 }} />
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/orgs/${p.orgId}?org=${p.orgId}`)}>
            返回组织
          </Button>
          {canOverride && (
            <Button icon={<EditOutlined />} onClick={() => setOverriding(true)} disabled={!p.standard && p.tierOverride === null} data-testid="tier-override-button">
              调整类别
            </Button>
          )}
        </Space>
      </div>
      <div className="zd-bp-facts">
        <span data-testid="tier-derived">
          按档案推定：<strong>{p.tierDerived !== null ? tierLabel(p.tierDerived, known) : '未定'}</strong>
          {p.tierDerived === null && p.standard && <Typography.Text type="secondary">（档案信息不足，请先填写活动室情况）</Typography.Text>}
        </span>
        <span>党员人数：{p.memberCount} 人</span>
        <span>
          依据标准：
          {p.standard ? `${p.standard.title}（${p.standard.version}）` : <Typography.Text type="warning">尚无已发布的标准</Typography.Text>}
        </span>
        <span>最后修改：{p.updatedAt ? fmtTime(p.updatedAt) : '尚未填写'}</span>
      </div>
      {p.tierOverride !== null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="tier-override-info"
          title={`阵地类别已由${p.overrideBy ?? '上级组织'}调整为“${tierLabel(p.tierOverride, known)}”`}
          description={
            <>
              <div>调整时间：{fmtTime(p.overrideAt)}</div>
              <div>调整原因：{p.overrideReason ?? '—'}</div>
            </>
          }
        />
      )}
      {!p.standard && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title="尚无已发布的阵地建设标准，暂不能推定阵地类别。档案可以先填写。" />
      )}
      {overriding && <TierOverrideModal profile={p} onClose={() => setOverriding(false)} />}
    </Panel>
  );
}

const ACTION_LABELS: Record<string, string> = { update: '更新档案', override: '调整类别' };

function ProfileHistory({ profile }: { profile: BaseProfile }) {
  return (
    <Panel title="变更记录">
      {profile.history.length === 0 ? (
        <Empty description="暂无变更记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={profile.history.map((h) => ({
            key: h.id,
            title: fmtTime(h.at),
            color: h.action === 'override' ? 'orange' : 'blue',
            content: (
              <div data-testid="base-history-item">
                <div style={{ fontWeight: 500 }}>{ACTION_LABELS[h.action] ?? h.action}</div>
                {h.detail && <div style={{ color: '#555', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{h.detail}</div>}
                {h.actorName && <div style={{ color: '#999', fontSize: 12 }}>操作人：{h.actorName}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Panel>
  );
}
