import { useQuery } from '@tanstack/react-query';
import type { ProposedDeduction } from '@zeren/contracts';
import { App, Button, Empty, Skeleton, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryColors, CategoryTag, formatPercent, ProgressBar } from '@/components/category-progress';
import { ErrorResult } from '@/components/error-result';
import { TierTag } from '@/components/tier-tag';
import { useAcceptProposedDeduction } from '@/features/supervision/api/accept-proposed-deduction';
import { serverMessage } from '@/lib/errors';
import { evalueeContextQueryOptions } from '../../api/get-evaluee-context';
import { formatScore, formatTargetValue } from '../../utils/format';
import styles from './workbench.module.css';

interface EvalueePanelProps {
  cycleId: string;
  personId: string | null;
  proposedDeductions: readonly ProposedDeduction[];
}

/** Beside the grid: the selected evaluee's targets of the year and how far along they are. */
export function EvalueePanel({ cycleId, personId, proposedDeductions }: EvalueePanelProps) {
  const { t } = useTranslation();
  const query = useQuery({
    ...evalueeContextQueryOptions(cycleId, personId ?? ''),
    enabled: personId !== null,
  });
  const proposed = proposedDeductions.filter((d) => d.evalueeId === personId);
  // 督导 findings → proposed deductions: 采纳 turns one into my draft deduction (reason carried over).
  const accept = useAcceptProposedDeduction(cycleId);
  const { message } = App.useApp();

  if (personId === null) {
    return (
      <aside className={styles.panel} aria-label={t('evaluations.panel.label')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluations.panel.none')} />
      </aside>
    );
  }

  return (
    <aside className={styles.panel} aria-label={t('evaluations.panel.label')} data-testid="evaluee-panel">
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      ) : (
        <div className={query.isPlaceholderData ? styles.panelStale : undefined}>
          <header className={styles.panelHeader}>
            <div className={styles.panelName}>
              {query.data.evaluee.name}
              {query.data.evaluee.tier !== null && <TierTag tier={query.data.evaluee.tier} />}
            </div>
            <div className={styles.muted}>
              {[query.data.evaluee.post?.title, query.data.evaluee.unit?.name].filter(Boolean).join(' · ')}
            </div>
            <div className={styles.muted}>{t('evaluations.panel.year', { year: query.data.year })}</div>
          </header>

          {proposed.length > 0 && (
            <section className={styles.panelSection}>
              <h3 className={styles.sectionTitle}>{t('evaluations.panel.proposed')}</h3>
              <ul className={styles.plainList}>
                {proposed.map((d) => (
                  <li key={d.id}>
                    <Tag color="orange">−{formatScore(d.amount)}</Tag>
                    {d.reason}
                    <Button
                      size="small"
                      type="link"
                      loading={accept.isPending && accept.variables === d.id}
                      onClick={() =>
                        accept.mutate(d.id, {
                          onSuccess: () => void message.success(t('supervision.proposal.accepted')),
                          onError: (error) =>
                            void message.error(serverMessage(error) ?? t('supervision.saveFailed')),
                        })
                      }
                    >
                      {t('supervision.proposal.accept')}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {query.data.categories.map((category) => (
            <section key={category.category} className={styles.panelSection}>
              <div className={styles.panelCategory}>
                <CategoryTag category={category.category} />
                <Tooltip title={t('evaluations.panel.completion')}>
                  <ProgressBar value={category.completion} color={categoryColors[category.category]} />
                </Tooltip>
              </div>
              {category.targets.length === 0 ? (
                <p className={styles.muted}>{t('evaluations.panel.noTargets')}</p>
              ) : (
                <ul className={styles.targetList}>
                  {category.targets.map((target) => (
                    <li key={target.id} className={styles.targetItem}>
                      <Tooltip title={t('evaluations.panel.weight', { weight: target.weight })}>
                        <span className={styles.targetTitle}>{target.title}</span>
                      </Tooltip>
                      <span className={styles.targetValue}>
                        {target.latestValue !== null || target.progress === 0
                          ? formatTargetValue(t, target)
                          : null}
                        <strong
                          className={target.progress >= 100 ? styles.targetDone : styles.targetProgress}
                        >
                          {formatPercent(target.progress, 0)}
                        </strong>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </aside>
  );
}
