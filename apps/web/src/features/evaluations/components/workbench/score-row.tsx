import { Button, Tag, Tooltip } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { TierTag } from '@/components/tier-tag';
import { useLabels } from '@/lib/labels';
import { formatScore } from '../../utils/format';
import { needsSubmit, rowStatus, scoreCategories, type WorkbenchStore } from '../../utils/workbench-store';
import { useWorkbenchRow } from './use-workbench-store';
import styles from './workbench.module.css';
import { ScoreInput } from './score-input';

interface ScoreRowProps {
  store: WorkbenchStore;
  evalueeId: string;
  /** Position in the full list (stable under filters): the test id of the cells. */
  index: number;
  /** Position among the visible rows: what the arrow keys count. */
  navRow: number;
  isSelected: boolean;
  canScore: boolean;
  canAdjust: boolean;
  onSelect: (id: string) => void;
  onOpenAdjustments: (id: string) => void;
  onSubmitRow: (id: string) => void;
}

const statusColors = { unscored: 'default', draft: 'orange', submitted: 'green' } as const;

/** One evaluee. Memoised and subscribed to its own row: typing elsewhere never renders it. */
export const ScoreRow = memo(function ScoreRow({
  store,
  evalueeId,
  index,
  navRow,
  isSelected,
  canScore,
  canAdjust,
  onSelect,
  onOpenAdjustments,
  onSubmitRow,
}: ScoreRowProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const row = useWorkbenchRow(store, evalueeId);
  if (!row) return null;
  const { evaluee } = row;
  const status = rowStatus(row);
  const bonus = evaluee.adjustments
    .filter((a) => a.kind === 'BONUS')
    .reduce((sum, a) => sum + (a.amount ?? 0), 0);
  const deduction = evaluee.adjustments
    .filter((a) => a.kind === 'DEDUCTION')
    .reduce((sum, a) => sum + (a.amount ?? 0), 0);
  const vetoes = evaluee.adjustments.filter((a) => a.kind === 'VETO');
  const where = [evaluee.post?.title, evaluee.unit?.name].filter(Boolean).join(' · ');

  return (
    <tr
      className={isSelected ? `${styles.row} ${styles.rowSelected}` : styles.row}
      onFocus={() => onSelect(evalueeId)}
      onClick={() => onSelect(evalueeId)}
      data-evaluee-id={evalueeId}
      data-testid={`workbench-row-${index}`}
    >
      <th scope="row" className={styles.personCell}>
        <div className={styles.personLine}>
          <span className={styles.personName} data-testid="evaluee-name">
            {evaluee.name}
          </span>
          {evaluee.tier !== null && <TierTag tier={evaluee.tier} className={styles.tierTag} />}
        </div>
        <div className={styles.personWhere} title={where}>
          {where || evaluee.employeeNo}
        </div>
      </th>
      {scoreCategories.map((category, col) => (
        <td key={category} className={styles.scoreTd}>
          <ScoreInput
            store={store}
            evalueeId={evalueeId}
            category={category}
            cell={row.cells[category]}
            navRow={navRow}
            navCol={col}
            testId={`score-cell-${index}-${category}`}
            label={`${evaluee.name} ${labels.category(category)}`}
            isDisabled={!canScore}
          />
        </td>
      ))}
      <td className={styles.adjustTd}>
        <div className={styles.adjustCell}>
          {bonus > 0 && <Tag color="green">+{formatScore(bonus)}</Tag>}
          {deduction > 0 && <Tag color="orange">−{formatScore(deduction)}</Tag>}
          {vetoes.length > 0 && (
            <Tooltip title={vetoes.map((v) => v.reason).join('；')}>
              <Tag color="red">{t('evaluations.adjustmentKind.VETO')}</Tag>
            </Tooltip>
          )}
          {(canAdjust || evaluee.adjustments.length > 0) && (
            <Button
              size="small"
              type="link"
              className={styles.adjustButton}
              tabIndex={-1}
              onClick={() => onOpenAdjustments(evalueeId)}
              aria-label={t('evaluations.workbench.adjustmentsFor', { name: evaluee.name })}
              data-nav-row={navRow}
              data-nav-col={3}
              data-testid={`adjust-button-${index}`}
            >
              {evaluee.adjustments.length > 0
                ? t('evaluations.workbench.adjustmentCount', { count: evaluee.adjustments.length })
                : t('evaluations.workbench.addAdjustment')}
            </Button>
          )}
        </div>
      </td>
      <td className={styles.statusTd}>
        <div className={styles.statusCell}>
          <Tag color={statusColors[status]} data-testid={`row-status-${index}`}>
            {t(`evaluations.rowStatus.${status}`)}
          </Tag>
          {canScore && needsSubmit(row) && (
            <Button
              size="small"
              tabIndex={-1}
              autoInsertSpace={false}
              onClick={() => onSubmitRow(evalueeId)}
              aria-label={t('evaluations.workbench.submitRowFor', { name: evaluee.name })}
              data-nav-row={navRow}
              data-nav-col={4}
              data-testid={`submit-row-${index}`}
            >
              {t('evaluations.workbench.submitRow')}
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
});
