import type { ScoringProgress } from '@zeren/contracts';
import { Card, Empty, Progress } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '@/components/category-progress';
import { stackedBarOption } from '../../utils/chart-options';
import { cycleLong, formatDeadline, share } from '../../utils/format';
import { ChartCard } from '../chart/chart-card';
import styles from '../shared/dashboard.module.css';

const partColors = { submitted: '#1f4e8c', draft: '#8fc3e8', missing: '#e4e8ef' };
/**
 * 评分进度 of the open quarter: the assessment group's cells filled, per assessor — every assessor of
 * a small group; of a large one (a city's ~200) the API lists the 12 furthest behind (whom to remind).
 */
export function ScoringCard({ scoring, testId }: { scoring: ScoringProgress | null; testId?: string }) {
  const { t } = useTranslation();
  const title = t('dashboards.scoring.title');
  const option = useMemo(
    () =>
      scoring &&
      stackedBarOption(
        scoring.assessors.map((assessor) => ({
          name: assessor.person.name,
          parts: [
            assessor.submittedCells,
            assessor.filledCells - assessor.submittedCells,
            assessor.expectedCells - assessor.filledCells,
          ],
        })),
        [
          { name: t('dashboards.scoring.submitted'), color: partColors.submitted },
          { name: t('dashboards.scoring.draft'), color: partColors.draft },
          { name: t('dashboards.scoring.missing'), color: partColors.missing },
        ],
      ),
    [scoring, t],
  );

  if (!scoring || !option) {
    return (
      <Card size="small" title={title} className={styles.fill} data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.scoring.noOpenCycle')} />
      </Card>
    );
  }

  const shown = scoring.assessors;
  const cycle = cycleLong(t, scoring.cycle);
  const filled = share(scoring.filledCells, scoring.expectedCells);
  return (
    <ChartCard
      title={
        <span>
          {title}
          <span className={styles.cardSubtitle}>{cycle}</span>
        </span>
      }
      caption={`${title}（${cycle}）`}
      testId={testId}
      legend={[
        { label: t('dashboards.scoring.submitted'), color: partColors.submitted },
        { label: t('dashboards.scoring.draft'), color: partColors.draft },
        { label: t('dashboards.scoring.missing'), color: partColors.missing },
      ]}
      chart={{
        option,
        height: Math.max(160, shown.length * 30 + 50),
        ariaLabel: t('dashboards.scoring.aria', {
          cycle,
          filled: scoring.filledCells,
          expected: scoring.expectedCells,
        }),
      }}
      data={{
        columns: [
          { key: 'assessor', title: t('dashboards.scoring.assessor') },
          { key: 'evaluees', title: t('dashboards.scoring.evaluees'), isNumeric: true },
          { key: 'submitted', title: t('dashboards.scoring.submittedEvaluees'), isNumeric: true },
          { key: 'cells', title: t('dashboards.scoring.cells'), isNumeric: true },
        ],
        rows: scoring.assessors.map((assessor) => ({
          key: assessor.person.id,
          cells: {
            assessor: assessor.person.name,
            evaluees: assessor.evaluees,
            submitted: assessor.submittedEvaluees,
            cells: `${assessor.filledCells} / ${assessor.expectedCells}`,
          },
        })),
      }}
      footer={
        <>
          {shown.length < scoring.assessorCount && (
            <p
              className={styles.quotaNote}
              style={{ margin: '4px 0 8px' }}
              data-testid={testId && `${testId}-slowest`}
            >
              {t('bureauScoring.slowest', { shown: shown.length, total: scoring.assessorCount })}
            </p>
          )}
          <div className={styles.quota}>
            <span className={styles.quotaLabel}>{t('dashboards.scoring.overall')}</span>
            <Progress
              percent={filled ?? 0}
              success={{
                percent: share(scoring.submittedCells, scoring.expectedCells) ?? 0,
                strokeColor: partColors.submitted,
              }}
              showInfo={false}
              size={{ height: 8 }}
              strokeColor={partColors.draft}
              status="normal"
              aria-label={formatPercent(filled)}
            />
            <span className={styles.quotaValue}>{formatPercent(filled, 0)}</span>
            {scoring.cycle.windowEnd && (
              <span className={styles.quotaNote}>
                {t('dashboards.scoring.closes', { at: formatDeadline(t, scoring.cycle.windowEnd) })}
              </span>
            )}
          </div>
        </>
      }
    />
  );
}
