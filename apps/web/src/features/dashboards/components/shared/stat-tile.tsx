import { Card } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import styles from './dashboard.module.css';

type Tone = 'default' | 'good' | 'warning' | 'danger';

interface StatTileProps {
  label: string;
  value: ReactNode;
  /** After the figure, smaller: 处, 项, %. */
  unit?: string;
  /** One short line under the figure. */
  note?: ReactNode;
  tone?: Tone;
  /** The whole figure becomes a link there. */
  to?: string;
  /** Beside the figure: a ring or a small chart. */
  aside?: ReactNode;
  testId?: string;
}

/** A big number with what it counts: what a leader reads first. */
export function StatTile({ label, value, unit, note, tone = 'default', to, aside, testId }: StatTileProps) {
  const figure = (
    <span
      className={`${styles.statValue} ${styles[`tone-${tone}`]}`}
      data-testid={testId && `${testId}-value`}
    >
      {value}
      {unit && <span className={styles.statUnit}>{unit}</span>}
    </span>
  );
  return (
    <Card size="small" className={styles.statTile} data-testid={testId}>
      <div className={styles.statBody}>
        <div className={styles.statText}>
          <span className={styles.statLabel}>{label}</span>
          {to ? (
            <Link to={to} className={styles.statLink}>
              {figure}
            </Link>
          ) : (
            figure
          )}
          {note && <span className={styles.statNote}>{note}</span>}
        </div>
        {aside}
      </div>
    </Card>
  );
}
