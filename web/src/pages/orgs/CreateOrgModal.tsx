import { App, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS, type OrgType } from '@contracts/enums';
import { createOrg, orgKeys } from '../../api/orgs';
import type { Org, OrgCreateBody } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { orgCodeRules, orgNameRules, shortNameRules } from './orgRules';

interface Values {
  name: string;
  shortName?: string;
  code?: string;
  type: OrgType;
}

/** 新建下级组织 (or, with parent null, a new root work committee). */
export function CreateOrgModal(props: { open: boolean; parent: Org | null; onClose: () => void; onCreated?: (org: Org) => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const types: readonly OrgType[] = props.parent ? ORG_CHILD_TYPES[props.parent.type] : ['work_committee'];

  const submit = async (v: Values) => {
    const body: OrgCreateBody = {
      parentId: props.parent?.id ?? null,
      name: v.name.trim(),
      shortName: v.shortName?.trim() || null,
      code: v.code?.trim() || null,
      type: v.type,
    };
    const org = await createOrg(body);
    await qc.invalidateQueries({ queryKey: orgKeys.all });
    message.success(`已新建「${org.name}」`);
    props.onCreated?.(org);
  };

  return (
    <FormModal<Values>
      open={props.open}
      title={props.parent ? `在「${props.parent.name}」下新建组织` : '新建机关工委'}
      okText="新建"
      initialValues={{ type: types[0] }}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Form.Item label="组织类型" name="type" rules={[{ required: true, message: '请选择组织类型' }]}>
        <Select options={types.map((t) => ({ value: t, label: ORG_TYPE_LABELS[t] }))} />
      </Form.Item>
      <Form.Item label="组织全称" name="name" rules={orgNameRules}>
        <Input placeholder="如：中共某某局机关第一支部委员会" />
      </Form.Item>
      <Form.Item label="简称" name="shortName" rules={shortNameRules}>
        <Input placeholder="可不填" />
      </Form.Item>
      <Form.Item label="组织代码" name="code" rules={orgCodeRules}>
        <Input placeholder="可不填，仅限字母、数字、下划线和短横线" />
      </Form.Item>
    </FormModal>
  );
}
