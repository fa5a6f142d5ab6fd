// Pick an organization: a lazily loaded tree, or search results while typing. Value: org id.
import { useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ORG_TYPE_LABELS } from '@contracts/enums';
import { childrenQuery, rootsQuery, searchOrgsQuery } from '../../api/orgs';
import type { OrgTreeNode } from '../../api/types';
import { nameMatchesFirst } from '../../lib/labels';
import { useDebounced } from '../../lib/useDebounced';

interface Props {
  value?: number | null;
  onChange?: (id: number | undefined, node?: OrgTreeNode) => void;
  /** Nodes that cannot be chosen (still shown). */
  isDisabled?: (node: OrgTreeNode) => boolean;
  /** Nodes whose children are not offered (e.g. the org being moved). */
  isClosed?: (node: OrgTreeNode) => boolean;
  /** Name to show for an initial value before the tree has loaded it. */
  initialLabel?: string;
  placeholder?: string;
  id?: string;
}

interface Item {
  id: number;
  pId: number;
  value: number;
  title: string;
  isLeaf: boolean;
  disabled: boolean;
}

export function OrgPicker({ value, onChange, isDisabled, isClosed, initialLabel, placeholder, id }: Props) {
  const qc = useQueryClient();
  const roots = useQuery(rootsQuery());
  const [loaded, setLoaded] = useState<Record<number, OrgTreeNode[]>>({});
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const hits = useQuery(searchOrgsQuery(q));

  const known = useMemo(() => {
    const map = new Map<number, OrgTreeNode>();
    for (const n of roots.data ?? []) map.set(n.id, n);
    for (const list of Object.values(loaded)) for (const n of list) map.set(n.id, n);
    for (const n of hits.data ?? []) map.set(n.id, n);
    return map;
  }, [roots.data, loaded, hits.data]);

  const item = (n: OrgTreeNode, pId: number, leaf = false): Item => ({
    id: n.id,
    pId,
    value: n.id,
    title: `${n.name}（${ORG_TYPE_LABELS[n.type]}）`,
    isLeaf: leaf || n.childCount === 0 || Boolean(isClosed?.(n)),
    disabled: Boolean(isDisabled?.(n)),
  });

  const active = (n: OrgTreeNode) => n.status === 'active';
  const treeData: Item[] = q
    ? nameMatchesFirst((hits.data ?? []).filter(active), q).map((n) => item(n, 0, true))
    : [
        ...(roots.data ?? []).filter(active).map((n) => item(n, 0)),
        ...Object.entries(loaded).flatMap(([pid, kids]) => kids.filter(active).map((n) => item(n, Number(pid)))),
      ];

  const label = value ? (known.get(value)?.name ?? initialLabel ?? `组织 ${value}`) : undefined;

  return (
    <TreeSelect<{ value: number; label: string } | undefined, Item>
      id={id}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: 0 }}
      treeData={treeData}
      labelInValue
      value={value ? { value, label: label ?? '' } : undefined}
      onChange={(v) => {
        setSearch('');
        onChange?.(v?.value, v ? known.get(v.value) : undefined);
      }}
      loadData={async (node) => {
        const pid = Number(node.value);
        const kids = await qc.fetchQuery(childrenQuery(pid, false));
        setLoaded((prev) => ({ ...prev, [pid]: kids }));
      }}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false, autoClearSearchValue: true }}
      allowClear
      placeholder={placeholder ?? '选择组织，或输入名称搜索'}
      notFoundContent={q ? (hits.isFetching ? '正在搜索…' : '没有找到匹配的组织') : '暂无组织'}
      style={{ width: '100%' }}
    />
  );
}
