// /inbox: the member's notices (微党建) on a phone. Plain components, big text, unread dots; reminded notices first.
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { NOTICE_KIND_LABELS } from '@contracts/notice-labels';
import { inboxPage, noticeKeys, type Inbox, type InboxItem } from '../../api/notices';
import { useMe } from '../../api/session';
import { Loading } from '../../components/plain/Spinner';
import { fmtDate } from '../../lib/format';
import '../../components/plain/plain.css';
import '../me/me.css';
import './inbox.css';
import { InboxSearch } from '../search/InboxSearch';

export default function InboxPage() {
  const me = useMe();
  const ready = Boolean(me.data && !me.data.mustChangePassword);
  const q = useInfiniteQuery({
    queryKey: noticeKeys.inbox,
    queryFn: ({ pageParam }) => inboxPage(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: Inbox) => last.nextBefore ?? undefined,
    enabled: ready,
  });
  if (me.data?.mustChangePassword) return <Navigate to="/change-password?next=/inbox" replace />;
  const first = q.data?.pages[0];
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="zp zd-me">
      <header className="zd-me-bar">
        <Link to="/me" className="zd-me-back" aria-label="返回我的信息">‹ 返回</Link>
        <span>我的通知{first && first.unread > 0 ? `（${first.unread} 条未读）` : ''}</span>
      </header>
      <main className="zd-me-main">
        {ready && <InboxSearch />}
        {!me.data || q.isPending ? (
          <Loading />
        ) : q.isError ? (
          <section className="zd-me-card zd-me-note">
            <p>暂时无法读取通知，请检查网络后重试。</p>
            <button type="button" className="zp-btn" onClick={() => void q.refetch()}>重试</button>
          </section>
        ) : (
          <>
            {first && first.reminded.length > 0 && (
              <>
                <div className="zd-inbox-section">请尽快阅读</div>
                <ul className="zd-inbox-list zd-inbox-reminded" data-testid="inbox-reminded">
                  {first.reminded.map((i) => <Item key={`r${i.id}`} item={i} />)}
                </ul>
                <div className="zd-inbox-section">全部通知</div>
              </>
            )}
            {items.length === 0 ? (
              <div className="zd-inbox-empty">暂时没有通知</div>
            ) : (
              <ul className="zd-inbox-list" data-testid="inbox-list">
                {items.map((i) => <Item key={i.id} item={i} />)}
              </ul>
            )}
            {q.hasNextPage && (
              <button type="button" className="zp-btn zd-inbox-more" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
                {q.isFetchingNextPage ? '正在加载…' : '查看更早的通知'}
              </button>
            )}
          </>
        )}
      </main>
    </div>
  );
}

function Item({ item }: { item: InboxItem }) {
  return (
    <li>
      <Link to={`/inbox/${item.id}`} className={`zd-inbox-item ${item.read ? 'read' : 'unread'}`} data-testid="inbox-item">
        {!item.read && <span className="zd-inbox-dot" aria-label="未读" />}
        <div className="zd-inbox-title">{item.title}</div>
        <div className="zd-inbox-meta">
          {item.reminded && <span className="zd-inbox-remind">提醒</span>}
          <span className="zd-inbox-kind">{NOTICE_KIND_LABELS[item.kind]}</span>
          <span>{item.senderOrgName}</span>
          <span>{fmtDate(item.sentAt)}</span>
        </div>
      </Link>
    </li>
  );
}
