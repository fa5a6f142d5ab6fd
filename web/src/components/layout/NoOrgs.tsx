import { useState } from 'react';
import { Button, Empty } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '../../api/types';
import { CreateOrgModal } from '../../pages/orgs/CreateOrgModal';

/** Shown when the account sees no organization at all (a fresh installation). */
export default function NoOrgs({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  return (
    <Empty style={{ marginTop: 80 }} description="暂无可管理的党组织">
      {me.role === 'work_committee_admin' && (
        <Button type="primary" onClick={() => setOpen(true)} data-testid="new-org-button">
          新建机关工委
        </Button>
      )}
      <CreateOrgModal
        open={open}
        parent={null}
        onClose={() => setOpen(false)}
        onCreated={(org) => navigate(`/orgs/${org.id}?org=${org.id}`)}
      />
    </Empty>
  );
}
