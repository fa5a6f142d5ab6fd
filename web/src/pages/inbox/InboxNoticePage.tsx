// /inbox/:id: one notice, in large text. Opening it records the read receipt.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { NOTICE_KIND_LABELS } from '@contracts/notice-labels';
import { noticeKeys, openNotice } from '../../api/notices';
import { isApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { Loading } from '../../components/plain/Spinner';
import { fmtTime } from '../../lib/format';
import '../../components/plain/plain.css';
import '../me/me.css';
import './inbox.css';

export default function InboxNoticePage() {
  const id = Number(useParams().id);
  const me = useMe();
  const qc = useQueryClient();
  const ready = Boolean(me.data && !me.data.mustChangePassword) && Number.isInteger(id) && id > 0;
  const n = useQuery({ queryKey: noticeKeys.inboxNotice(id), queryFn: () => openNotice(id), enabled: ready, staleTime: Infinity, retry: false });
  useEffect(() => { if (n.isSuccess) void qc.invalidateQueries({ queryKey: noticeKeys.inbox }); }, [n.isSuccess, qc]);
  if (me.data?.mustChangePassword) return <Navigate to={`/change-password?next=/inbox/${id}`} replace />;

  return (
    <div className="zp zd-me">
      <header className="zd-me-bar">
        <Link to="/inbox" className="zd-me-back" aria-label="返回通知列表">‹ 通知</Link>
      </header>
      <main className="zd-me-main">
        {!me.data || n.isPending ? (
          <Loading />
        ) : n.isError ? (
          <section className="zd-me-card zd-me-note">
            <p>{isApiError(n.error) && n.error.status === 404 ? '这条通知不存在，或不是发给您的。' : '暂时无法打开通知，请检查网络后重试。'}</p>
            <Link to="/inbox" className="zp-btn">返回通知列表</Link>
          </section>
        ) : (
          <article className="zd-notice-card" data-testid="notice-detail">
            <h1 className="zd-notice-title">{n.data.title}</h1>
            <div className="zd-notice-meta">
              {NOTICE_KIND_LABELS[n.data.kind]} · {n.data.senderOrgName}<br />
              发布于 {fmtTime(n.data.sentAt)}
            </div>
            <div className="zd-notice-body">{n.data.body}</div>
            <div className="zd-notice-read">✓ 已读（{fmtTime(n.data.readAt)}）</div>
          </article>
        )}
      </main>
    </div>
  );
}
