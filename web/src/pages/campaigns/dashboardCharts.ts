// ECharts options for the coverage dashboard and the printed report (plain data: no chart code is loaded here).
import { ASSESSMENT_STATUS_COLORS, ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '@contracts/assessment-labels';
import type { ChartOption } from '../../components/charts/Chart';
import type { Dashboard, StatusCounts } from '../../api/types';

/** Bottom to top in stacked bars: what is done first. */
export const STACK_ORDER: readonly AssessmentStatus[] = ['accepted', 'submitted', 'returned', 'in_progress', 'not_started'];

/** Children shown in the chart (all of them are in the table below it). */
export const CHILD_CHART_MAX = 20;

export function percent(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 1000) / 10 : 0;
}

export function coverage(c: StatusCounts): number {
  return percent(c.accepted, c.total);
}

const AXIS_LABEL = { color: '#555' };

/**
 * Burn-up: accepted, with those awaiting review stacked on top (the server keeps one point per day on which
 * something changed: each value holds until the next point, so the lines are steps, drawn up to today).
 */
export function burnUpOption(d: Dashboard, print = false): ChartOption {
  const total = d.totals.total;
  const deadline = d.campaign.deadline;
  const points = [...d.burnUp];
  const lastPoint = points.at(-1);
  if (lastPoint && lastPoint.day < d.today) points.push({ ...lastPoint, day: d.today });
  const start = points[0]?.day ?? d.campaign.startedOn;
  const last = points.at(-1)?.day ?? d.today;
  const end = last > deadline ? last : deadline;
  const accepted = ASSESSMENT_STATUS_LABELS.accepted;
  const submitted = ASSESSMENT_STATUS_LABELS.submitted;
  const single = points.length < 2;
  return {
    animation: !print,
    color: [ASSESSMENT_STATUS_COLORS.accepted, ASSESSMENT_STATUS_COLORS.submitted, '#8c8c8c'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [accepted, submitted, '理想进度'] },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'time', min: start, max: end, axisLabel: { ...AXIS_LABEL, hideOverlap: true, formatter: '{M}-{d}' } },
    yAxis: { type: 'value', min: 0, max: Math.max(total, 1), minInterval: 1, axisLabel: AXIS_LABEL },
    series: [
      {
        name: accepted,
        type: 'line',
        stack: 'progress',
        step: 'end',
        showSymbol: single,
        areaStyle: { opacity: 0.35 },
        data: points.map((p) => [p.day, p.accepted]),
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            { yAxis: total, lineStyle: { color: '#333', type: 'solid' }, label: { formatter: `应覆盖 ${total}`, position: 'insideStartTop', color: '#333' } },
            { xAxis: deadline, lineStyle: { color: '#cf1322', type: 'solid' }, label: { formatter: `截止 ${deadline.slice(5)}`, position: 'insideEndTop', color: '#cf1322' } },
          ],
        },
      },
      {
        name: submitted,
        type: 'line',
        stack: 'progress',
        step: 'end',
        showSymbol: single,
        areaStyle: { opacity: 0.25 },
        data: points.map((p) => [p.day, p.submitted]),
      },
      {
        name: '理想进度',
        type: 'line',
        showSymbol: false,
        silent: true,
        lineStyle: { type: 'dashed', width: 1 },
        tooltip: { show: false },
        data: [[start, 0], [deadline, total]],
      },
    ],
  };
}

function stackedSeries(rows: StatusCounts[], horizontal: boolean): ChartOption['series'] {
  return STACK_ORDER.map((s) => ({
    id: s,
    name: ASSESSMENT_STATUS_LABELS[s],
    type: 'bar' as const,
    stack: 'all',
    barMaxWidth: horizontal ? 18 : 48,
    itemStyle: { color: ASSESSMENT_STATUS_COLORS[s] },
    emphasis: { focus: 'series' as const },
    data: rows.map((c) => c[s]),
  }));
}

const stackedTooltip = { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } };
const statusLegend = (print: boolean) => ({ top: 0, data: STACK_ORDER.map((s) => ASSESSMENT_STATUS_LABELS[s]), selectedMode: !print });

export function tierOption(d: Dashboard, print = false): ChartOption {
  return {
    animation: !print,
    tooltip: stackedTooltip,
    legend: statusLegend(print),
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: d.byTier.map((t) => t.tierName), axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    series: stackedSeries(d.byTier.map((t) => t.counts), false),
  };
}

/** The children with the most organizations to cover, largest on top. */
export function topChildren(d: Dashboard): Dashboard['byChild'] {
  return [...d.byChild].sort((a, b) => b.counts.total - a.counts.total).slice(0, CHILD_CHART_MAX);
}

export function childHeight(d: Dashboard): number {
  return Math.max(160, topChildren(d).length * 28 + 72);
}

export function childOption(d: Dashboard, print = false): ChartOption {
  const rows = [...topChildren(d)].reverse(); // category axes draw from the bottom
  return {
    animation: !print,
    tooltip: stackedTooltip,
    legend: statusLegend(print),
    grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    yAxis: {
      type: 'category',
      data: rows.map((c) => c.org.name),
      axisLabel: { ...AXIS_LABEL, width: 180, overflow: 'truncate' },
    },
    series: stackedSeries(rows.map((c) => c.counts), true),
  };
}

export function failedHeight(d: Dashboard): number {
  return Math.max(160, d.mostFailed.length * 28 + 48);
}

export function failedOption(d: Dashboard, print = false): ChartOption {
  const rows = [...d.mostFailed].reverse();
  return {
    animation: !print,
    color: ['#c0282d'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
        const r = rows[p.dataIndex];
        return r ? `${r.code} ${escapeHtml(r.title)}<br/>未达标：${r.failed} 个组织` : '';
      },
    },
    grid: { left: 8, right: 32, top: 12, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    yAxis: {
      type: 'category',
      data: rows.map((r) => `${r.code} ${r.title}`),
      axisLabel: { ...AXIS_LABEL, width: 220, overflow: 'truncate' },
    },
    series: [{ name: '未达标组织数', type: 'bar', barMaxWidth: 18, data: rows.map((r) => r.failed), label: { show: true, position: 'right' } }],
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
