// The org's column: open it (address, title, introduction) or change it; a link to its public page.
import { useEffect } from 'react';
import { Button, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { contentKeys, saveColumn } from '../../api/content';
import type { Column } from '../../api/types';
import { COLUMN_SLUG_PATTERN } from '@contracts/content';

export function ColumnSettings({ orgId, column, orgName }: { orgId: number; column: Column | null; orgName: string }) {
  const [form] = Form.useForm<{ slug: string; title: string; intro: string }>();
  const qc = useQueryClient();
  useEffect(() => { form.setFieldsValue(column ? { slug: column.slug, title: column.title, intro: column.intro } : { slug: '', title: `${orgName}党建专栏`, intro: '' }); }, [column, orgName, form]);
  const onFinish = async (v: { slug: string; title: string; intro: string }) => {
    await saveColumn(orgId, { ...v, intro: v.intro ?? '', version: column?.version ?? 0 });
    await qc.invalidateQueries({ queryKey: contentKeys.all });
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 560 }} data-testid="column-settings">
      {!column && <Typography.Paragraph type="secondary">本组织还没有开设专题党建栏目。填写下面的信息即可开设，文章经审核发布后在党建网站公开显示。</Typography.Paragraph>}
      <Form.Item name="title" label="栏目名称" rules={[{ required: true, min: 2, max: 60, message: '请填写 2-60 个字的栏目名称' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="slug" label="网址标识" extra="小写字母、数字和连字符，如 czj-dyzb；公开网址为 /site/c/网址标识"
        rules={[{ required: true, pattern: new RegExp(COLUMN_SLUG_PATTERN), message: '请用 2-40 位小写字母、数字或连字符，以字母或数字开头' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="intro" label="栏目简介" rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit">{column ? '保存栏目设置' : '开设栏目'}</Button>
      {column && <a style={{ marginLeft: 16 }} href={column.url} target="_blank" rel="noopener noreferrer">查看公开页面</a>}
    </Form>
  );
}
