// ECharts on demand (按需引入): only the charts and components the pages use, so this chunk stays small.
// Loaded lazily through <Chart/> (./Chart.tsx); never import this file statically from a page.
import { useEffect, useRef } from 'react';
import { init, use, type ECElementEvent, type ECharts } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './types';

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export interface EChartProps {
  option: ChartOption;
  /** CSS height of the chart box (the width follows the container). */
  height?: number | string;
  /** Clicks on a data item (a bar, a point). */
  onClick?: (event: ECElementEvent) => void;
  /** Sharper output for printing (defaults to the screen's ratio). */
  pixelRatio?: number;
  /** Turn animation off (printing). */
  static?: boolean;
  /** Accessible name of the chart. */
  label?: string;
}

export default function EChart({ option, height = 320, onClick, pixelRatio, static: still, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'canvas', locale: 'ZH', devicePixelRatio: pixelRatio });
    chart.current = c;
    c.on('click', (e) => clickRef.current?.(e as ECElementEvent));
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => c.resize());
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [pixelRatio]);

  useEffect(() => {
    chart.current?.setOption(still ? { ...option, animation: false } : option, { notMerge: true });
  }, [option, still, pixelRatio]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
