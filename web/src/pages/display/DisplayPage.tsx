// 展示屏与屏保: the current org's wall display tokens and the clean-governance screensaver.
import { Typography } from 'antd';
import { useCurrentOrg } from '../../components/layout/currentOrg';
import { SlidesPanel } from './SlidesPanel';
import { TokensPanel } from './TokensPanel';

export default function DisplayPage() {
  const { orgId, org } = useCurrentOrg();
  const name = org?.name ?? '';
  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>展示屏与屏保</Typography.Title>
        <Typography.Text type="secondary">{name}</Typography.Text>
      </div>
      {org && <TokensPanel key={`t${orgId}`} orgId={orgId} orgName={name} />}
      {org && <SlidesPanel key={`s${orgId}`} orgId={orgId} orgName={name} />}
    </>
  );
}
