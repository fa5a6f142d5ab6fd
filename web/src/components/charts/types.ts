// Option type of the charts registered in EChart.tsx (types only: importing this loads no chart code).
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption,
} from 'echarts/components';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;
export type { ECElementEvent } from 'echarts/core';
