import type { DashboardTarget, LineProgress } from '@zeren/contracts';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import styles from './dashboard.module.css';

/** 两条主线: the party & mass-organisation line and the administrative line, each as one bar. */
export function LineBars({ lines, testId }: { lines: LineProgress[]; testId?: string }) {
  const labels = useLabels();
  return (
    <div className={styles.ringsFooter} data-testid={testId}>
      {lines
        .filter((line) => line.progress.overall !== null)
        .map((line) => (
          <div key={line.line} className={styles.lineBar}>
            <span className={styles.lineName}>{labels.line(line.line)}</span>
            <ProgressBar
              value={line.progress.overall}
              color={line.line === 'PARTY' ? '#c0392b' : '#1f4e8c'}
            />
          </div>
        ))}
    </div>
  );
}

/** Done, under way, behind: the targets behind the rings, counted. */
export function TargetStatusStrip({ targets, testId }: { targets: DashboardTarget[]; testId?: string }) {
  const { t } = useTranslation();
  const done = targets.filter((target) => target.progress >= 100).length;
  const atRisk = targets.filter((target) => target.progress < 100 && target.isAtRisk).length;
  const items = [
    { key: 'done', label: t('dashboards.rings.done'), value: done, className: styles['tone-good'] },
    {
      key: 'going',
      label: t('dashboards.rings.going'),
      value: targets.length - done - atRisk,
      className: undefined,
    },
    {
      key: 'atRisk',
      label: t('dashboards.rings.behind'),
      value: atRisk,
      className: atRisk > 0 ? styles['tone-warning'] : undefined,
    },
  ];
  return (
    <dl className={`${styles.ringsFooter} ${styles.statusStrip}`} data-testid={testId}>
      {items.map((item) => (
        <div key={item.key} className={styles.statusItem}>
          <dt>{item.label}</dt>
          <dd className={item.className}>
            {item.value}
            <span className={styles.statUnit}>{t('dashboards.kpi.targetsUnit')}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
