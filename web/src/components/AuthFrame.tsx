import type { ReactNode } from 'react';
import { Card } from 'antd';

/** Centered card with the product name, for login and password pages (phone friendly). */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'flex-start', justifyContent: 'center', padding: '8vh 16px 32px', boxSizing: 'border-box', background: 'linear-gradient(180deg, #c0282d 0, #c0282d 220px, #f5f5f5 220px)' }}>
      <div style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ textAlign: 'center', color: '#fff', marginBottom: 24 }}>
          <div style={{ fontSize: 36, fontWeight: 700, letterSpacing: 8 }}>阵地</div>
          <div style={{ fontSize: 15, opacity: 0.9 }}>机关党建阵地建设管理平台</div>
        </div>
        <Card title={title} style={{ boxShadow: '0 4px 16px rgba(0,0,0,0.08)' }}>
          {children}
        </Card>
      </div>
    </div>
  );
}
