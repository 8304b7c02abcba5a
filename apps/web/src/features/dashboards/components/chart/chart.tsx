import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './echart';
import styles from './chart.module.css';

export type { ChartItemClick, ChartOption } from './echart';

// ECharts (~170 KiB gzipped) arrives with the first chart drawn, never with the shell.
const EChart = lazy(() => import('./echart'));

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
