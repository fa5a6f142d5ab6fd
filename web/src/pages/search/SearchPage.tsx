// 站内搜索: articles (drafts included within the admin's scope), notices sent from or into the scope, study
// materials the org may use. Newest first; "more" pages by the server's cursor.
import { useEffect, useState } from 'react';
import { Button, Empty, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { SEARCH_TYPE_LABELS, type SearchType } from '@contracts/search-labels';
import { searchKeys, searchPage, type SearchHit, type SearchResult } from '../../api/search';
import { fmtTime } from '../../lib/format';
import { Highlighted } from './Highlighted';

const STATUS_LABELS: Record<string, string> = { draft: '草稿', pending: '待审核', published: '已发布', unpublished: '已撤下' };
const TYPE_COLORS: Record<SearchType, string> = { article: 'red', notice: 'blue', material: 'green' };

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get('q')?.trim() ?? '';
  const types = params.get('types') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]); // a new search from the header
  const set = (next: { q?: string; types?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v); else p.delete(k);
    setParams(p);
  };
  const result = useInfiniteQuery({
    queryKey: searchKeys.query(q, types),
    queryFn: ({ pageParam }) => searchPage(q, types, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: SearchResult) => last.nextCursor ?? undefined,
    enabled: q.length > 0,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];
  const message = result.data?.pages[0]?.message;
  const open = (h: SearchHit) => {
    if (!h.link) return;
    if (h.link.startsWith('/site/')) window.open(h.link, '_blank', 'noopener');
    else navigate(h.link);
  };

  return (
    <>
      <div className="zd-page-title">
        <Typography.Title level={4}>站内搜索</Typography.Title>
        <Typography.Text type="secondary">搜索栏目文章、通知和学习资料，只显示您有权查看的内容，按时间从新到旧排列</Typography.Text>
      </div>
      <div className="zd-panel" style={{ padding: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Input.Search value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => set({ q: v.trim() })} maxLength={100}
            placeholder="输入要搜索的词，如：党建、阵地、廉政" enterButton={<><SearchOutlined /> 搜索</>} allowClear data-testid="search-page-input" />
          <Segmented value={types || 'all'} onChange={(v) => set({ types: v === 'all' ? '' : String(v) })}
            options={[{ label: '全部', value: 'all' }, ...(Object.keys(SEARCH_TYPE_LABELS) as SearchType[]).map((t) => ({ label: SEARCH_TYPE_LABELS[t], value: t }))]} />
          {message && <Typography.Text type="secondary">{message}</Typography.Text>}
          {!q ? <Empty description="输入关键词开始搜索" /> : (
            <List
              loading={result.isPending}
              dataSource={items}
              locale={{ emptyText: <Empty description="没有找到相关内容" /> }}
              renderItem={(h) => (
                <List.Item key={`${h.type}-${h.id}`} data-testid="search-hit">
                  <List.Item.Meta
                    title={<Space wrap>
                      <Tag color={TYPE_COLORS[h.type]}>{SEARCH_TYPE_LABELS[h.type]}</Tag>
                      {h.link ? <a onClick={() => open(h)}><Highlighted text={h.title} ranges={h.titleHighlights} /></a> : <Highlighted text={h.title} ranges={h.titleHighlights} />}
                      {h.type === 'article' && STATUS_LABELS[h.status] && h.status !== 'published' && <Tag>{STATUS_LABELS[h.status]}</Tag>}
                    </Space>}
                    description={<>
                      <div><Highlighted text={h.snippet} ranges={h.highlights} /></div>
                      <Typography.Text type="secondary">{fmtTime(h.date)}</Typography.Text>
                    </>}
                  />
                </List.Item>
              )}
            />
          )}
          {result.hasNextPage && <Button onClick={() => void result.fetchNextPage()} loading={result.isFetchingNextPage}>更多结果</Button>}
        </Space>
      </div>
    </>
  );
}
