import type { Grade, TargetCategory } from '@zeren/contracts';
import { categories, categoryColors } from '@/components/category-progress';
import type { ChartOption } from '../components/chart/chart';

/*
 * ECharts options for the dashboards, built from contract data and already translated labels.
 * Pure functions: the chart module (ECharts itself) is loaded only when one is drawn.
 */

const axisGrey = '#8a94a6';
const splitGrey = '#edf0f5';
const textGrey = 'rgba(0, 0, 0, 0.65)';

/** Axis labels always inside the chart's box, whatever their length. */
const grid = (overrides: Record<string, number | string> = {}) => ({
  left: 4,
  right: 16,
  top: 12,
  bottom: 4,
  outerBoundsMode: 'same' as const,
  outerBoundsContain: 'axisLabel' as const,
  ...overrides,
});

const percentAxis = {
  type: 'value' as const,
  min: 0,
  max: 100,
  axisLabel: { formatter: '{value}%', color: axisGrey },
  splitLine: { lineStyle: { color: splitGrey } },
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Completion bands of the heatmap (HeatmapCard, in HTML), worst first: each with a colour and a text colour that reads on it (WCAG AA). */
export const completionBands = [
  { min: 0, max: 50, color: '#e8684a', text: 'rgba(0, 0, 0, 0.88)' },
  { min: 50, max: 70, color: '#f6c344', text: 'rgba(0, 0, 0, 0.85)' },
  { min: 70, max: 85, color: '#8fc3e8', text: 'rgba(0, 0, 0, 0.85)' },
  { min: 85, max: 100.01, color: '#1f4e8c', text: '#ffffff' },
] as const;

export const bandOf = (value: number) =>
  completionBands.find((band) => value >= band.min && value < band.max) ?? completionBands[3];

export interface GroupedBarRow {
  name: string;
  values: Record<TargetCategory, number | null>;
}

/** Side by side: one group per row (unit or person), one bar per category in its colour. */
export function groupedBarOption(
  rows: GroupedBarRow[],
  categoryLabels: Record<TargetCategory, string>,
  orientation: 'vertical' | 'horizontal' = 'vertical',
): ChartOption {
  // Only categories with a figure get a bar slot, so a party group's bars are not pushed aside.
  const shown = categoriesWithData(rows);
  const nameAxis = {
    type: 'category' as const,
    data: rows.map((row) => row.name),
    axisTick: { show: false },
    axisLine: { lineStyle: { color: splitGrey } },
    axisLabel: { color: textGrey, interval: 0, fontSize: 12 },
  };
  const isHorizontal = orientation === 'horizontal';
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: formatTooltipPercent },
    grid: grid(),
    xAxis: isHorizontal ? percentAxis : nameAxis,
    yAxis: isHorizontal ? { ...nameAxis, inverse: true } : percentAxis,
    series: shown.map((category) => ({
      type: 'bar' as const,
      name: categoryLabels[category],
      data: rows.map((row) => {
        const value = row.values[category];
        return value === null ? '-' : round1(value);
      }),
      itemStyle: {
        color: categoryColors[category],
        borderRadius: isHorizontal ? [0, 3, 3, 0] : [3, 3, 0, 0],
      },
      barMaxWidth: 18,
      barGap: '15%',
    })),
  };
}

/** The categories any row has a figure in, in the usual order. */
export const categoriesWithData = (rows: GroupedBarRow[]) =>
  categories.filter((category) => rows.some((row) => row.values[category] !== null));

function formatTooltipPercent(value: unknown): string {
  return typeof value === 'number' ? `${value}%` : '—';
}

/** 优秀 gold, 称职 the theme blue, the two with consequences orange and red (as the grade tags). */
export const gradeChartColors: Record<Grade, string> = {
  EXCELLENT: '#d48806',
  COMPETENT: '#1f4e8c',
  BASICALLY_COMPETENT: '#d46b08',
  INCOMPETENT: '#cf1322',
};

export const grades: readonly Grade[] = ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'];

/** A ring of grades with the number of people graded in its middle. */
export function gradeDonutOption(
  counts: Record<Grade, number>,
  gradeLabels: Record<Grade, string>,
  centre: { value: string; label: string },
): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    series: [
      {
        type: 'pie',
        radius: ['52%', '78%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        label: {
          show: true,
          position: 'center',
          formatter: () => `{value|${centre.value}}\n{label|${centre.label}}`,
          rich: {
            value: { fontSize: 22, fontWeight: 700, color: 'rgba(0, 0, 0, 0.88)', lineHeight: 28 },
            label: { fontSize: 12, color: textGrey },
          },
        },
        labelLine: { show: false },
        emphasis: { scale: false, label: { show: true } },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        data: grades.map((grade) => ({
          name: gradeLabels[grade],
          value: counts[grade],
          itemStyle: { color: gradeChartColors[grade] },
        })),
      },
    ],
  };
}

export interface LineSeries {
  name: string;
  color: string;
  values: (number | null)[];
}

/** Quarters on the x axis, one line per series; points and percentages share the 0–100 scale. */
export function trendOption(periods: string[], series: LineSeries[], minY?: number): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? String(round1(value)) : '—'),
    },
    grid: grid({ top: 24, right: 24 }),
    xAxis: {
      type: 'category',
      data: periods,
      boundaryGap: false,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: splitGrey } },
      axisLabel: { color: textGrey, fontSize: 12 },
    },
    yAxis: {
      type: 'value',
      min: minY ?? 0,
      max: 100,
      axisLabel: { color: axisGrey },
      splitLine: { lineStyle: { color: splitGrey } },
    },
    series: series.map((line) => ({
      type: 'line' as const,
      name: line.name,
      data: line.values.map((value) => (value === null ? '-' : round1(value))),
      connectNulls: true,
      symbol: 'circle',
      symbolSize: 7,
      lineStyle: { width: 2.5, color: line.color },
      itemStyle: { color: line.color },
      label: { show: true, position: 'top', fontSize: 11, color: textGrey },
    })),
  };
}

export interface StackRow {
  name: string;
  parts: number[];
}

/** Horizontal stacked bars (scored / drafted / missing per assessor). */
export function stackedBarOption(rows: StackRow[], parts: { name: string; color: string }[]): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: grid(),
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: axisGrey },
      splitLine: { lineStyle: { color: splitGrey } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: splitGrey } },
      axisLabel: { color: textGrey, fontSize: 12 },
    },
    series: parts.map((part, index) => ({
      type: 'bar' as const,
      name: part.name,
      stack: 'total',
      barMaxWidth: 16,
      itemStyle: { color: part.color },
      data: rows.map((row) => row.parts[index] ?? 0),
    })),
  };
}
