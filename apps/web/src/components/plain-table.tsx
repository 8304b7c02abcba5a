import { theme } from 'antd';
import type { CSSProperties, Key, ReactNode } from 'react';
import styles from './plain-table.module.css';

export interface PlainColumn<Row> {
  key: string;
  title: ReactNode;
  /** Pixels, as antd Table's `width`. */
  width?: number;
  align?: 'left' | 'right' | 'center';
  render: (row: Row, index: number) => ReactNode;
}

interface PlainTableProps<Row> {
  columns: readonly PlainColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  'data-testid'?: string;
  className?: string;
}

/**
 * A small, static table (no sorting, filters or pagination) that looks like antd's
 * `<Table size="small" pagination={false}>`: the same tokens, header, separators, borders and row
 * hover, as a plain semantic <table>. antd's Table brings its filter tree, pagination and select
 * (~75 KiB gzipped) even when a page uses none of them; pages whose only table is a short static
 * list use this one to stay within the route budget (apps/web/tooling, docs/performance.md).
 */
export function PlainTable<Row>({ columns, rows, rowKey, className, ...rest }: PlainTableProps<Row>) {
  const { token } = theme.useToken();
  const vars = {
    '--pt-bg': token.colorBgContainer,
    '--pt-fill': token.colorFillAlter,
    '--pt-border': token.colorBorderSecondary,
    '--pt-heading': token.colorTextHeading,
    '--pt-text': token.colorText,
    '--pt-radius': `${token.borderRadiusLG}px`,
    '--pt-pad': `${token.paddingXS}px`,
    '--pt-font': `${token.fontSize}px`,
    '--pt-line': token.lineHeight,
    '--pt-family': token.fontFamily,
    '--pt-strong': token.fontWeightStrong,
    '--pt-motion': token.motionDurationMid,
  } as CSSProperties;
  return (
    <div className={className ? `${styles.wrapper} ${className}` : styles.wrapper} style={vars}>
      <table className={styles.table} data-testid={rest['data-testid']}>
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={column.width === undefined ? undefined : { width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" style={column.align ? { textAlign: column.align } : undefined}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} style={column.align ? { textAlign: column.align } : undefined}>
                  {column.render(row, index)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
