import type { ReactNode } from 'react';
import './plain.css';

/** The red band with the product name and a white card: login and password pages. */
export function PlainFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="zp">
      <header className="zp-hero">
        <h1>阵地</h1>
        <p>机关党建阵地建设管理平台</p>
      </header>
      <main className="zp-card">
        <h2>{title}</h2>
        {children}
      </main>
    </div>
  );
}

export function Alert({ kind, title, children }: { kind: 'error' | 'warning' | 'info'; title?: string; children?: ReactNode }) {
  return (
    <div className={`zp-alert zp-alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title && <strong>{title}</strong>}
      {children}
    </div>
  );
}
