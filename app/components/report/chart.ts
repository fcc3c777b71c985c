/**
 * ECharts, tree-shaken to what the dashboard draws (bar and line series on a
 * grid, tooltips, canvas): ~180 KB gzip, so it is imported only from the
 * dashboard's lazy chunk and never reaches other screens. Legends are plain
 * HTML next to the chart (readable by screen readers, and cheaper).
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';

use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption>;

export const CHART_COLORS = { findings: '#0b5cad', closed: '#1b6e34', open: '#c62828', onTime: '#a35200', rate: '#1b6e34' } as const;
export const CHART_FONT = "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/**
 * Draws `option()` in `el`, again whenever it changes, resizes with the
 * element, and reports a click on a data item by its index.
 */
export function useChart(el: Ref<HTMLElement | null>, option: () => ChartOption, onSelect: (index: number) => void): void {
  let chart: ECharts | undefined;
  let observer: ResizeObserver | undefined;

  onMounted(() => {
    if (!el.value) return;
    chart = init(el.value, undefined, { renderer: 'canvas' });
    chart.setOption(option());
    chart.on('click', (params) => onSelect(params.dataIndex));
    observer = new ResizeObserver(() => chart?.resize());
    observer.observe(el.value);
  });
  watch(option, (next) => chart?.setOption(next, { notMerge: true }));
  onBeforeUnmount(() => {
    observer?.disconnect();
    chart?.dispose();
  });
}
