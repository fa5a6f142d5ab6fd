// <Chart option=...>: the ECharts wrapper loaded on first use, so the chart code is a separate chunk.
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

const EChart = lazy(() => import('./EChart'));

export type { EChartProps };
export type { ChartOption, ECElementEvent } from './types';

export function Chart(props: EChartProps) {
  const height = props.height ?? 320;
  return (
    <Suspense
      fallback={<div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#999' }}>图表加载中…</div>}
    >
      <EChart {...props} />
    </Suspense>
  );
}
