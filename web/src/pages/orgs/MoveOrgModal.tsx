import { Alert, App, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS } from '@contracts/enums';
import { moveOrg, orgKeys } from '../../api/orgs';
import type { Org, OrgTreeNode } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { OrgPicker } from '../../components/org/OrgPicker';

/** 移动: pick a new parent that may hold this org's type; the org itself cannot be opened. */
export function MoveOrgModal(props: { open: boolean; org: Org; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { org } = props;
  const cannotHold = (n: OrgTreeNode) =>
    n.id === org.id || n.id === org.parentId || !ORG_CHILD_TYPES[n.type].includes(org.type);

  const submit = async (v: { newParentId: number }) => {
    await moveOrg(org.id, { newParentId: v.newParentId, version: org.version });
    await qc.invalidateQueries({ queryKey: orgKeys.all });
    message.success('已移动');
  };

  return (
    <FormModal<{ newParentId: number }> open={props.open} title={`移动「${org.name}」`} okText="移动" onSubmit={submit} onClose={props.onClose}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${ORG_TYPE_LABELS[org.type]}只能移动到可以包含它的上级组织下；其下级组织和党员随之一并移动。`}
      />
      <Form.Item
        label="新的上级组织"
        name="newParentId"
        rules={[
          { required: true, message: '请选择新的上级组织' },
          { validator: (_, id: number) => (id === org.id ? Promise.reject(new Error('不能移动到自身下')) : Promise.resolve()) },
        ]}
      >
        <OrgPicker isDisabled={cannotHold} isClosed={(n) => n.id === org.id} />
      </Form.Item>
    </FormModal>
  );
}
