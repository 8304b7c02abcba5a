import { Button, Card } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Chart, type ChartProps } from './chart';
import styles from './chart-card.module.css';

export interface DataColumn {
  key: string;
  title: string;
  isNumeric?: boolean;
}

export interface DataRow {
  key: string;
  cells: Record<string, string | number>;
  /** Cells that open a page (the drill-down of a chart click, for keyboards): column key → path. */
  links?: Record<string, string>;
}

/** One key of a chart's legend: drawn in HTML, so it prints sharp, wraps on a tablet and reads aloud. */
export interface LegendItem {
  label: string;
  color: string;
  /** A figure after the label (the count of a grade). */
  value?: string | number;
  /** A line (trend) rather than a block (bars, cells). */
  isLine?: boolean;
}

/** A chart's numbers as rows and columns: the accessible (and printable, copyable) twin of the chart. */
export interface ChartData {
  columns: DataColumn[];
  rows: DataRow[];
}

interface ChartCardProps {
  title: ReactNode;
  /** The table's caption for screen readers; defaults to the title when that is text. */
  caption?: string;
  /** An ECharts chart; or `figure`, drawn in HTML (the heatmap). */
  chart: ChartProps | { figure: ReactNode; ariaLabel: string; height: number };
  data: ChartData;
  legend?: LegendItem[];
  /** Under the chart: a total, a link onward. */
  footer?: ReactNode;
  /** Above the legend, shown with the chart and with the table (the heatmap's level breadcrumb). */
  header?: ReactNode;
  testId?: string;
  className?: string;
}

/**
 * A dashboard card with a chart and its data. Screen readers always get the data as a table
 * (visually hidden, text only: a hidden link would take keyboard focus out of sight); anyone can
 * switch the card to that table with 查看数据, where the drill-down links are (the keyboard's way
 * to what a click on the chart opens). A plain table, not antd's: the overview needs no Table.
 */
export function ChartCard({
  title,
  caption,
  chart,
  data,
  legend,
  footer,
  header,
  testId,
  className,
}: ChartCardProps) {
  const { t } = useTranslation();
  const [isShowingData, setShowingData] = useState(false);
  const tableId = useId();
  const captionText = caption ?? (typeof title === 'string' ? title : chart.ariaLabel);

  return (
    <Card
      title={title}
      size="small"
      className={className ? `${styles.card} ${className}` : styles.card}
      data-testid={testId}
      extra={
        <Button
          type="link"
          size="small"
          className={styles.toggle}
          aria-pressed={isShowingData}
          aria-controls={tableId}
          onClick={() => setShowingData((value) => !value)}
        >
          {isShowingData ? t('dashboards.chart.showChart') : t('dashboards.chart.showData')}
        </Button>
      }
    >
      {header}
      <div>
        {!isShowingData && (
          <>
            {legend && legend.length > 0 && (
              <ul className={styles.legend} aria-hidden="true">
                {legend.map((item) => (
                  <li key={item.label} className={styles.legendItem}>
                    <span
                      className={item.isLine ? styles.legendLine : styles.legendSwatch}
                      style={{ background: item.color }}
                    />
                    {item.label}
                    {item.value !== undefined && <strong className={styles.legendValue}>{item.value}</strong>}
                  </li>
                ))}
              </ul>
            )}
            {'figure' in chart ? chart.figure : <Chart {...chart} />}
          </>
        )}
        {/* One table: visually hidden beside the chart, or shown in its place. Hidden by its box: a
            table never shrinks to 1px, so a long one (a city's units) would stretch the page. */}
        <div
          id={tableId}
          className={isShowingData ? styles.tableWrap : styles.srOnly}
          style={{ maxHeight: chart.height + 40 }}
        >
          <table className={isShowingData ? styles.dataTable : undefined}>
            <caption className={isShowingData ? styles.srOnly : undefined}>{captionText}</caption>
            <thead>
              <tr>
                {data.columns.map((column) => (
                  <th key={column.key} scope="col" className={column.isNumeric ? styles.numeric : undefined}>
                    {column.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.key}>
                  {data.columns.map((column, index) => {
                    const value = row.cells[column.key];
                    const path = isShowingData ? row.links?.[column.key] : undefined;
                    const content = path ? <Link to={path}>{value}</Link> : value;
                    const className = column.isNumeric ? styles.numeric : undefined;
                    return index === 0 ? (
                      <th key={column.key} scope="row" className={className}>
                        {content}
                      </th>
                    ) : (
                      <td key={column.key} className={className}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {footer}
    </Card>
  );
}
