import { Spin } from 'antd';

export function PageLoading({ full = false, tip = '正在加载…' }: { full?: boolean; tip?: string }) {
  return (
    <div style={{ padding: full ? '30vh 16px' : '64px 16px', textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 12, color: '#999' }}>{tip}</div>
    </div>
  );
}
