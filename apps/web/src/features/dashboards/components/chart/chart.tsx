import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type * as EChartModuleType from './echart';
import type { EChartProps } from './echart';
import styles from './chart.module.css';

export type { ChartItemClick, ChartOption } from './echart';

type EChartModule = typeof EChartModuleType;

// ECharts (~180 KiB gzipped) never comes with the shell: only pages that draw charts import this
// module, and the download starts as soon as one is loaded, alongside the page's data request
// rather than after it (the chart renders only once the data is there).
let pending: Promise<EChartModule> | undefined;
const loadEChart = () =>
  (pending ??= import('./echart').catch((error: unknown) => {
    pending = undefined; // a failed chunk may load on the next attempt
    throw error;
  }));
void loadEChart().catch(() => undefined);
const EChart = lazy(loadEChart);

export interface ChartProps extends EChartProps {
  /** What the chart shows, in one sentence: screen readers get it instead of the canvas. */
  ariaLabel: string;
  testId?: string;
}

/** A chart: an image to assistive technology (its data is in a table beside it), ECharts inside. */
export function Chart({ ariaLabel, testId, height, ...rest }: ChartProps) {
  return (
    <div role="img" aria-label={ariaLabel} data-testid={testId} className={styles.figure}>
      <Suspense
        fallback={<Skeleton.Node active className={styles.placeholder} style={{ height, width: '100%' }} />}
      >
        <EChart height={height} {...rest} />
      </Suspense>
    </div>
  );
}
