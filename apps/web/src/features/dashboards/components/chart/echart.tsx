import { BarChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { init, use as registerECharts, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import styles from './chart.module.css';

/*
 * The only module that imports ECharts. Tree-shaken to the three chart types the dashboards draw,
 * the cartesian grid and tooltips, on canvas; loaded with React.lazy (see chart.tsx), so only
 * routes that draw a chart download it. Legends are HTML (ChartCard): ECharts' legend component
 * would add ~17 KiB gzipped. The bureau heatmap is HTML too (HeatmapCard: a city level has ~200
 * rows, too tall a canvas to paint quickly).
 */
registerECharts([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption
>;

/** What a click on a bar, cell or slice tells its listener. */
export interface ChartItemClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

export interface EChartProps {
  option: ChartOption;
  height: number;
  onItemClick?: (item: ChartItemClick) => void;
}

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** One ECharts instance in a div that follows its container's size (grid columns, tablet, print). */
export default function EChart({ option, height, onItemClick }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const clickRef = useRef(onItemClick);

  useEffect(() => {
    clickRef.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // At least 2× so a printed page (and a tablet) gets sharp lines, not a blurry bitmap.
    const chart = init(container, undefined, {
      renderer: 'canvas',
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
    });
    chartRef.current = chart;
    // `data-chart-state` tells tests and the performance script (bench/web-vitals.mjs) when the
    // figure is on screen: `drawn` at the first frame painted with data, `settled` once the
    // entry animation has finished.
    chart.on('rendered', () => {
      if (container.dataset.chartState === 'drawing') container.dataset.chartState = 'drawn';
    });
    chart.on('finished', () => {
      if (container.dataset.chartState !== 'empty') container.dataset.chartState = 'settled';
    });
    chart.on('click', (params) => {
      clickRef.current?.({
        seriesIndex: params.seriesIndex ?? 0,
        dataIndex: params.dataIndex,
        name: params.name,
      });
    });
    const resize = () => chart.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(container);
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const container = containerRef.current;
    if (container) container.dataset.chartState = 'drawing';
    chartRef.current?.setOption(
      {
        animation: !prefersReducedMotion(),
        animationDuration: 500,
        textStyle: { fontFamily },
        ...option,
      },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={containerRef}
      data-chart-state="empty"
      className={onItemClick ? `${styles.canvas} ${styles.clickable}` : styles.canvas}
      style={{ height }}
    />
  );
}
