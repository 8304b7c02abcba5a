import { ScoreCell, type TargetCategory } from '@zeren/contracts';
import { memo, useId, useRef, useState, type ChangeEvent, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../utils/format';
import type { CellState, WorkbenchStore } from '../../utils/workbench-store';
import styles from './workbench.module.css';

interface ScoreInputProps {
  store: WorkbenchStore;
  evalueeId: string;
  category: TargetCategory;
  cell: CellState;
  navRow: number;
  navCol: number;
  testId: string;
  /** For screen readers: "曾志刚 业务工作". */
  label: string;
  isDisabled: boolean;
}

/** Full-width digits and the ideographic full stop, as a Chinese input method may type them. */
const toHalfWidth = (text: string) =>
  text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, '.');

type Parsed = { kind: 'empty' } | { kind: 'value'; value: number } | { kind: 'invalid'; message: string };

const scoreValue = ScoreCell.shape.value;

/** One score cell: free typing, validated as typed with the contract's own rule and messages. */
export const ScoreInput = memo(function ScoreInput({
  store,
  evalueeId,
  category,
  cell,
  navRow,
  navCol,
  testId,
  label,
  isDisabled,
}: ScoreInputProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  /** The value shown when the cell was entered: where Esc goes back to. */
  const entered = useRef<number | null>(null);
  const shown = draft ?? (cell.value === null ? '' : formatScore(cell.value));

  const parse = (text: string): Parsed => {
    const normalised = toHalfWidth(text).trim();
    if (normalised === '') return { kind: 'empty' };
    if (!/^\d+(\.\d*)?$|^\.\d+$/.test(normalised))
      return { kind: 'invalid', message: t('evaluations.workbench.notANumber') };
    const result = scoreValue.safeParse(Number(normalised));
    if (!result.success)
      return {
        kind: 'invalid',
        message: result.error.issues[0]?.message ?? t('evaluations.workbench.range'),
      };
    return { kind: 'value', value: result.data };
  };

  const onFocus = (event: FocusEvent<HTMLInputElement>) => {
    entered.current = cell.value;
    // Entering a cell selects it, as in a spreadsheet: typing replaces, arrows leave at once.
    event.currentTarget.select();
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    setDraft(text);
    const parsed = parse(text);
    if (parsed.kind === 'value') store.setValue(evalueeId, category, parsed.value);
    // Nothing invalid is ever saved: the cell keeps the value it had when entered ("15" on the way
    // to "150" must not stay behind).
    if (parsed.kind === 'invalid') store.revertTo(evalueeId, category, entered.current);
    store.setError(evalueeId, category, parsed.kind === 'invalid' ? parsed.message : undefined);
  };

  const onBlur = () => {
    if (draft === null) return;
    // An invalid entry stays visible (in red) until corrected; an emptied cell shows what is kept.
    if (parse(draft).kind === 'invalid') return;
    setDraft(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    store.revertTo(evalueeId, category, entered.current);
    setDraft(null);
    const input = event.currentTarget;
    requestAnimationFrame(() => input.select());
  };

  const stateClass =
    cell.error !== undefined
      ? styles.cellInvalid
      : cell.sync === 'conflict'
        ? styles.cellConflict
        : cell.sync === 'failed'
          ? styles.cellFailed
          : cell.sync === 'dirty' || cell.sync === 'saving'
            ? styles.cellPending
            : cell.saved?.status === 'SUBMITTED'
              ? styles.cellSubmitted
              : '';
  const conflictNote =
    cell.sync === 'conflict'
      ? t('evaluations.workbench.conflictCell', {
          value: cell.newer ? formatScore(cell.newer.value) : t('evaluations.workbench.emptyValue'),
        })
      : undefined;

  return (
    <div className={`${styles.cell} ${stateClass}`} title={conflictNote}>
      <input
        className={styles.scoreInput}
        value={shown}
        onChange={onChange}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        disabled={isDisabled}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        maxLength={6}
        aria-label={label}
        aria-invalid={cell.error !== undefined}
        aria-describedby={cell.error !== undefined || conflictNote ? errorId : undefined}
        data-testid={testId}
        data-nav-row={navRow}
        data-nav-col={navCol}
      />
      {(cell.error !== undefined || conflictNote) && (
        <span
          id={errorId}
          className={styles.cellMessage}
          role={cell.error !== undefined ? 'alert' : undefined}
        >
          {cell.error ?? conflictNote}
        </span>
      )}
    </div>
  );
});
