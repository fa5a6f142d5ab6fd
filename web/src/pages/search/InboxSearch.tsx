// A plain search box for the member's inbox page (no antd: member pages stay small). Finds the notices the
// member received, published articles and the study materials of the member's org.
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { SEARCH_TYPE_LABELS } from '@contracts/search-labels';
import { searchKeys, searchPage, type SearchHit } from '../../api/search';
import { fmtDate } from '../../lib/format';
import { Highlighted } from './Highlighted';
import './search.css';

export function InboxSearch() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const r = useQuery({ queryKey: searchKeys.query(q, ''), queryFn: () => searchPage(q, undefined), enabled: q.length > 0 });
  const submit = (e: FormEvent) => { e.preventDefault(); setQ(text.trim()); };
  return (
    <section className="zd-search">
      <form className="zd-search-form" role="search" onSubmit={submit}>
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={100} placeholder="搜索通知、文章、学习资料" aria-label="搜索" data-testid="inbox-search" />
        <button type="submit" className="zp-btn">搜索</button>
      </form>
      {q && (
        <div className="zd-search-results" data-testid="inbox-search-results">
          {r.isPending ? <div className="zd-search-note">正在搜索…</div>
            : r.isError ? <div className="zd-search-note">暂时无法搜索，请稍后重试。</div>
              : <>
                {r.data.message && <div className="zd-search-note">{r.data.message}</div>}
                {r.data.items.length === 0 ? <div className="zd-search-note">没有找到相关内容</div> : (
                  <ul className="zd-inbox-list">{r.data.items.map((h) => <Hit key={`${h.type}-${h.id}`} h={h} />)}</ul>
                )}
                <button type="button" className="zp-btn zd-search-clear" onClick={() => { setQ(''); setText(''); }}>关闭搜索结果</button>
              </>}
        </div>
      )}
    </section>
  );
}

function Hit({ h }: { h: SearchHit }) {
  const body = <>
    <div className="zd-inbox-title"><Highlighted text={h.title} ranges={h.titleHighlights} /></div>
    <div className="zd-search-snippet"><Highlighted text={h.snippet} ranges={h.highlights} /></div>
    <div className="zd-inbox-meta"><span className="zd-inbox-kind">{SEARCH_TYPE_LABELS[h.type]}</span><span>{fmtDate(h.date)}</span></div>
  </>;
  if (h.link?.startsWith('/inbox/')) return <li><Link to={h.link} className="zd-inbox-item read">{body}</Link></li>;
  if (h.link?.startsWith('/site/')) return <li><a href={h.link} className="zd-inbox-item read">{body}</a></li>;
  return <li><div className="zd-inbox-item read">{body}</div></li>;
}
