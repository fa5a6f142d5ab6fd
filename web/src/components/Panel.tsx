import type { CSSProperties, ReactNode } from 'react';

/** A white titled box; lighter than antd Card (which pulls in Tabs and Skeleton) for first-load pages. */
export function Panel({ title, extra, children, style }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; style?: CSSProperties }) {
  return (
    <section className="zd-panel" style={style}>
      {(title || extra) && (
        <header className="zd-panel-head">
          <h2>{title}</h2>
          {extra}
        </header>
      )}
      <div className="zd-panel-body">{children}</div>
    </section>
  );
}
