import type { Workbench } from '@zeren/contracts';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryColors } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import { LAST_SCORE_COL, nextPosition } from '../../utils/grid-navigation';
import { scoreCategories, type WorkbenchStore } from '../../utils/workbench-store';
import { ScoreRow } from './score-row';
import styles from './workbench.module.css';

interface ScoreGridProps {
  store: WorkbenchStore;
  /** The visible rows, in order, with their position in the full list. */
  rows: readonly { id: string; index: number }[];
  weights: Workbench['categoryWeights'];
  selectedId: string | null;
  canScore: boolean;
  canAdjust: boolean;
  onSelect: (id: string) => void;
  onOpenAdjustments: (id: string) => void;
  onSubmitRow: (id: string) => void;
}

/** The grid: one keyboard handler for every cell (see utils/grid-navigation for the model). */
export function ScoreGrid({
  store,
  rows,
  weights,
  selectedId,
  canScore,
  canAdjust,
  onSelect,
  onOpenAdjustments,
  onSubmitRow,
}: ScoreGridProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const tableRef = useRef<HTMLTableElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    const row = Number(target.dataset.navRow);
    const col = Number(target.dataset.navCol);
    if (!Number.isInteger(row) || !Number.isInteger(col)) return;
    const input = target instanceof HTMLInputElement ? target : null;
    const next = nextPosition(
      event,
      { row, col },
      rows.length,
      input ? { start: input.selectionStart, end: input.selectionEnd, length: input.value.length } : null,
    );
    if (!next) return;
    // A button column may be missing on the row moved to (no 提交 there): take the nearest one left.
    for (let c = next.col; c >= Math.min(next.col, LAST_SCORE_COL); c--) {
      const element = tableRef.current?.querySelector<HTMLElement>(
        `[data-nav-row="${next.row}"][data-nav-col="${c}"]`,
      );
      if (element && !(element as HTMLButtonElement).disabled) {
        event.preventDefault();
        element.focus();
        if (element instanceof HTMLInputElement) element.select();
        return;
      }
    }
  };

  return (
    <table
      ref={tableRef}
      className={styles.grid}
      onKeyDown={onKeyDown}
      data-testid="workbench-grid"
      aria-label={t('evaluations.workbench.gridLabel')}
    >
      <colgroup>
        <col />
        <col className={styles.scoreCol} />
        <col className={styles.scoreCol} />
        <col className={styles.scoreCol} />
        <col className={styles.adjustCol} />
        <col className={styles.statusCol} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('evaluations.workbench.evaluee')}</th>
          {scoreCategories.map((category) => (
            <th scope="col" key={category} className={styles.categoryHead}>
              <span className={styles.categoryName} style={{ borderColor: categoryColors[category] }}>
                {labels.category(category)}
              </span>
              <span className={styles.weight}>
                {t('evaluations.workbench.weight', { weight: weights[category] })}
              </span>
            </th>
          ))}
          <th scope="col">{t('evaluations.workbench.adjustments')}</th>
          <th scope="col">{t('evaluations.workbench.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ id, index }, navRow) => (
          <ScoreRow
            key={id}
            store={store}
            evalueeId={id}
            index={index}
            navRow={navRow}
            isSelected={id === selectedId}
            canScore={canScore}
            canAdjust={canAdjust}
            onSelect={onSelect}
            onOpenAdjustments={onOpenAdjustments}
            onSubmitRow={onSubmitRow}
          />
        ))}
      </tbody>
    </table>
  );
}
