// A committee seat's person: pick a member of the org (linked by id) or just type a name.
import { useState } from 'react';
import { AutoComplete, Tag } from 'antd';
import { useMemberSearch } from './memberSearch';

export interface SeatPerson {
  personName: string;
  memberId: number | null;
}

interface Props {
  orgId: number;
  value?: SeatPerson;
  onChange?: (v: SeatPerson) => void;
  id?: string;
}

export function SeatPersonInput({ orgId, value, onChange, id }: Props) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const members = useMemberSearch(open ? orgId : null, text);
  const options = (members.data?.items ?? []).map((m) => ({
    value: `member:${m.id}`,
    label: (
      <span>
        {m.name}
        <span style={{ color: '#999', marginInlineStart: 8, fontSize: 12 }}>
          {[m.post, m.orgName].filter(Boolean).join(' · ')}
        </span>
      </span>
    ),
  }));

  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
    <AutoComplete
      id={id}
      value={value?.personName ?? ''}
      options={options}
      onOpenChange={setOpen}
      showSearch={{ onSearch: setText, filterOption: false }}
      onChange={(v: string) => {
        if (v.startsWith('member:')) return; // handled by onSelect
        onChange?.({ personName: v, memberId: null });
      }}
      onSelect={(v: string) => {
        const m = members.data?.items.find((x) => `member:${x.id}` === v);
        if (m) onChange?.({ personName: m.name, memberId: m.id });
      }}
      aria-label="姓名"
      placeholder="输入姓名或拼音首字母，可从党员中选择"
      notFoundContent={members.isFetching ? '正在搜索…' : text ? '没有匹配的党员，可直接填写姓名' : null}
      style={{ flex: 1, minWidth: 0 }}
    />
    {value?.memberId ? <Tag color="green" style={{ marginInlineEnd: 0 }}>已关联</Tag> : null}
    </div>
  );
}
