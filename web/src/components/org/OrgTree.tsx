// The organization tree of the admin layout: loaded level by level, searchable, dissolved orgs
// hidden unless asked for. Children come from the query cache, so invalidating ['orgs'] refreshes it.
import { useEffect, useMemo, useState } from 'react';
import { Checkbox, Empty, Input, Spin, Tree, type TreeDataNode } from 'antd';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { childrenQuery, rootsQuery, searchOrgsQuery } from '../../api/orgs';
import type { OrgTreeNode } from '../../api/types';
import { nameMatchesFirst } from '../../lib/labels';
import { OrgNodeTitle } from './OrgTypeTag';

interface Props {
  selectedId: number | null;
  /** Ancestors of the selected org, expanded so that it is visible. */
  expandTo: number[];
  onSelect: (id: number) => void;
}

export function OrgTree({ selectedId, expandTo, onSelect }: Props) {
  const [showDissolved, setShowDissolved] = useState(false);
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');

  const pick = (id: number) => {
    setText('');
    setSearch('');
    onSelect(id);
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, padding: 12 }}>
      <Input.Search
        placeholder="搜索组织名称"
        aria-label="搜索组织"
        allowClear
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) setSearch('');
        }}
        onSearch={(v) => setSearch(v.trim())}
      />
      <Checkbox checked={showDissolved} onChange={(e) => setShowDissolved(e.target.checked)}>
        显示已撤销的组织
      </Checkbox>
      {search ? (
        <SearchResults q={search} showDissolved={showDissolved} onPick={pick} />
      ) : (
        <LazyTree
          key={String(showDissolved)}
          showDissolved={showDissolved}
          selectedId={selectedId}
          expandTo={expandTo}
          onSelect={onSelect}
        />
      )}
    </div>
  );
}

function LazyTree({ showDissolved, selectedId, expandTo, onSelect }: Props & { showDissolved: boolean }) {
  const qc = useQueryClient();
  const roots = useQuery(rootsQuery());
  const [expanded, setExpanded] = useState<number[]>([]);

  // Expand the selected org's ancestors, from the first one inside this account's scope (the
  // ancestors above a scope root are not ours to load).
  const rootIds = (roots.data ?? []).map((r) => r.id).join(',');
  const expandKey = expandTo.join(',');
  useEffect(() => {
    const scope = rootIds ? rootIds.split(',').map(Number) : [];
    const ids = expandKey ? expandKey.split(',').map(Number) : [];
    const from = ids.findIndex((id) => scope.includes(id));
    const wanted = from >= 0 ? ids.slice(from) : [];
    // With a single root and nothing else to open, open the root so the tree is not one closed line.
    if (!wanted.length && scope.length === 1) wanted.push(scope[0]);
    if (wanted.length) setExpanded((prev) => Array.from(new Set([...prev, ...wanted])));
  }, [expandKey, rootIds]);

  const children = useQueries({ queries: expanded.map((id) => childrenQuery(id, showDissolved)) });
  const treeData = useMemo(() => {
    const byParent = new Map<number, OrgTreeNode[] | undefined>();
    expanded.forEach((id, i) => byParent.set(id, children[i]?.data));
    const visible = (n: OrgTreeNode) => showDissolved || n.status !== 'dissolved';
    const build = (n: OrgTreeNode): TreeDataNode => ({
      key: n.id,
      title: <OrgNodeTitle name={n.name} type={n.type} status={n.status} />,
      isLeaf: n.childCount === 0,
      children: byParent.get(n.id)?.filter(visible).map(build),
    });
    return (roots.data ?? []).filter(visible).map(build);
  }, [roots.data, expanded, children, showDissolved]);

  if (roots.isPending) return <Spin style={{ padding: 24 }} />;
  if (!treeData.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无组织" />;

  return (
    <div data-testid="org-tree">
      <Tree
        blockNode
        treeData={treeData}
        expandedKeys={expanded}
        selectedKeys={selectedId ? [selectedId] : []}
        onExpand={(keys) => setExpanded(keys.map(Number))}
        loadData={async (node) => {
          await qc.ensureQueryData(childrenQuery(Number(node.key), showDissolved));
        }}
        onSelect={(_keys, info) => onSelect(Number(info.node.key))}
      />
    </div>
  );
}

function SearchResults(props: { q: string; showDissolved: boolean; onPick: (id: number) => void }) {
  const { data, isPending } = useQuery(searchOrgsQuery(props.q));
  if (isPending) return <Spin style={{ padding: 24 }} />;
  const hits = nameMatchesFirst((data ?? []).filter((n) => props.showDissolved || n.status !== 'dissolved'), props.q);
  return (
    <div role="listbox" aria-label="组织搜索结果">
      <div style={{ fontSize: 12, color: '#999', margin: '4px 0' }}>
        找到 {hits.length} 个组织{hits.length >= 20 ? '（仅显示前 20 个，请输入更完整的名称）' : ''}
      </div>
      {hits.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到匹配的组织" />}
      {hits.map((n) => (
        <div
          key={n.id}
          role="option"
          aria-selected={false}
          tabIndex={0}
          className="zd-search-hit"
          onClick={() => props.onPick(n.id)}
          onKeyDown={(e) => e.key === 'Enter' && props.onPick(n.id)}
        >
          <OrgNodeTitle name={n.name} type={n.type} status={n.status} />
          {n.parentName && <div style={{ fontSize: 12, color: '#888', paddingLeft: 22 }}>上级：{n.parentName}</div>}
        </div>
      ))}
    </div>
  );
}
