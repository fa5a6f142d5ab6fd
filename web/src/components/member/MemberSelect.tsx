// Pick one member of an org's subtree by name or pinyin initials. Value: member id.
import { useState } from 'react';
import { Select } from 'antd';
import type { MemberListItem } from '../../api/types';
import { useMemberSearch } from './memberSearch';

interface Props {
  orgId: number | null | undefined;
  value?: number | null;
  onChange?: (id: number | null, member?: MemberListItem) => void;
  id?: string;
  placeholder?: string;
}

export function MemberSelect({ orgId, value, onChange, id, placeholder }: Props) {
  const [text, setText] = useState('');
  const members = useMemberSearch(orgId, text);
  const items = members.data?.items ?? [];
  return (
    <Select<number>
      id={id}
      allowClear
      value={value ?? undefined}
      disabled={!orgId}
      placeholder={placeholder ?? (orgId ? '输入姓名或拼音首字母搜索' : '请先选择组织')}
      showSearch={{ onSearch: setText, filterOption: false }}
      loading={members.isFetching}
      notFoundContent={members.isFetching ? '正在搜索…' : '没有匹配的党员'}
      options={items.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}，${m.idNumberMasked}）` }))}
      onChange={(v) => onChange?.(v ?? null, items.find((m) => m.id === v))}
      style={{ width: '100%' }}
    />
  );
}
