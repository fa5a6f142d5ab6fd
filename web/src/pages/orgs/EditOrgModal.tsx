import { App, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { orgKeys, updateOrg } from '../../api/orgs';
import type { Org } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { orgCodeRules, orgNameRules, shortNameRules } from './orgRules';

interface Values {
  name: string;
  shortName?: string | null;
  code?: string | null;
}

/** 重命名/编辑: name, short name, code; sends the version read. */
export function EditOrgModal(props: { open: boolean; org: Org; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { org } = props;

  const submit = async (v: Values) => {
    await updateOrg(org.id, {
      name: v.name.trim(),
      shortName: v.shortName?.trim() || null,
      code: v.code?.trim() || null,
      version: org.version,
    });
    await qc.invalidateQueries({ queryKey: orgKeys.all });
    message.success('已保存');
  };

  return (
    <FormModal<Values>
      open={props.open}
      title="编辑组织信息"
      initialValues={{ name: org.name, shortName: org.shortName, code: org.code }}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Form.Item label="组织全称" name="name" rules={orgNameRules}>
        <Input />
      </Form.Item>
      <Form.Item label="简称" name="shortName" rules={shortNameRules}>
        <Input placeholder="可不填" />
      </Form.Item>
      <Form.Item label="组织代码" name="code" rules={orgCodeRules}>
        <Input placeholder="可不填" />
      </Form.Item>
    </FormModal>
  );
}
