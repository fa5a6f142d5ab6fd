// /orgs/:id: an organization with its children, committee and history.
import { Button, Col, Result, Row } from 'antd';
import { FlagOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { orgQuery } from '../../api/orgs';
import { NotFound } from '../../components/NotFound';
import { PageLoading } from '../../components/PageLoading';
import { CommitteeSection } from './CommitteeSection';
import { OrgChildren } from './OrgChildren';
import { OrgHistory } from './OrgHistory';
import { OrgSummary } from './OrgSummary';

export default function OrgDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const org = useQuery({ ...orgQuery(id), enabled: Number.isInteger(id) && id > 0 });

  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (org.isPending) return <PageLoading />;
  if (org.isError) {
    const e = org.error;
    return (
      <Result
        status={isApiError(e, 'NOT_FOUND') ? '404' : isApiError(e, 'FORBIDDEN') ? '403' : 'error'}
        title={isApiError(e, 'NOT_FOUND') ? '组织不存在' : isApiError(e, 'FORBIDDEN') ? '无权查看该组织' : '加载失败'}
        extra={<Button onClick={() => navigate('/')}>返回首页</Button>}
      />
    );
  }

  return (
    <>
      <OrgSummary org={org.data} />
      <div className="zd-toolbar" style={{ marginTop: 12, marginBottom: 0 }}>
        <Button icon={<FlagOutlined />} onClick={() => navigate(`/orgs/${id}/base?org=${id}`)} data-testid="base-profile-link">
          阵地档案
        </Button>
      </div>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={15}>
          <CommitteeSection org={org.data} />
          <OrgChildren org={org.data} />
        </Col>
        <Col xs={24} xl={9}>
          <OrgHistory orgId={org.data.id} />
        </Col>
      </Row>
    </>
  );
}
