import { IncompleteEvalueesDetails } from '@zeren/contracts';
import { Alert, App, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { serverMessage } from '@/lib/errors';
import { useLabels } from '@/lib/labels';
import { useSubmitScores } from '../../api/submit-scores';
import { formatScore } from '../../utils/format';
import {
  isRowComplete,
  missingCategories,
  needsSubmit,
  scoreCategories,
  type RowState,
  type WorkbenchStore,
} from '../../utils/workbench-store';
import styles from './workbench.module.css';

export type SubmitScope = { kind: 'all' } | { kind: 'row'; id: string };

interface SubmitDialogProps {
  cycleId: string;
  store: WorkbenchStore;
  scope: SubmitScope;
  onClose: () => void;
}

/** How many names a list shows before "等 N 人". */
const LIST_LIMIT = 12;

/**
 * The confirmation before 提交: exactly who goes (with the scores), and for "all" who does not
 * and why. Pending drafts are saved first; what the server refuses is shown here.
 */
export function SubmitDialog({ cycleId, store, scope, onClose }: SubmitDialogProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const submit = useSubmitScores(cycleId);
  const [problem, setProblem] = useState<string | null>(null);
  // A snapshot when the dialog opens: the lists do not move while the person reads them.
  const [{ ready, incomplete }] = useState(() => {
    const rows =
      scope.kind === 'all' ? store.rowsInOrder() : [store.getRow(scope.id)].filter((r) => r !== undefined);
    return {
      ready: rows.filter(needsSubmit),
      incomplete: scope.kind === 'all' ? rows.filter((row) => !isRowComplete(row)) : [],
    };
  });

  const onOk = async () => {
    setProblem(null);
    await store.flush();
    const unsaved = ready.filter((row) => {
      const current = store.getRow(row.evaluee.personId);
      return current && scoreCategories.some((category) => current.cells[category].sync !== 'idle');
    });
    if (unsaved.length > 0) {
      setProblem(
        t('evaluations.submit.unsaved', { names: unsaved.map((row) => row.evaluee.name).join('、') }),
      );
      return;
    }
    const ids = ready.map((row) => row.evaluee.personId);
    try {
      await submit.mutateAsync({ evalueeIds: ids });
      store.markSubmitted(ids);
      void message.success(t('evaluations.submit.done', { count: ids.length }));
      onClose();
    } catch (error) {
      const details = isApiError(error) ? IncompleteEvalueesDetails.safeParse(error.details) : null;
      if (details?.success && details.data.incomplete.length > 0) {
        setProblem(
          t('evaluations.submit.refusedIncomplete', {
            names: details.data.incomplete
              .map((p) => `${p.name}（${p.missingCategories.map(labels.category).join('、')}）`)
              .join('；'),
          }),
        );
      } else {
        setProblem(serverMessage(error) ?? t('errors.unexpected'));
      }
    }
  };

  const title =
    scope.kind === 'row' && ready[0]
      ? t('evaluations.submit.titleRow', { name: ready[0].evaluee.name })
      : t('evaluations.submit.titleAll');

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('evaluations.submit.ok', { count: ready.length })}
      cancelText={t('evaluations.cancel')}
      okButtonProps={{
        disabled: ready.length === 0,
        loading: submit.isPending,
        'data-testid': 'workbench-submit-confirm',
      }}
      width={640}
      destroyOnHidden
    >
      {ready.length === 0 ? (
        <Alert type="info" showIcon title={t('evaluations.submit.nothing')} />
      ) : (
        <>
          <p className={styles.dialogLead}>{t('evaluations.submit.lead', { count: ready.length })}</p>
          <table className={styles.miniTable} data-testid="submit-list">
            <thead>
              <tr>
                <th scope="col">{t('evaluations.workbench.evaluee')}</th>
                {scoreCategories.map((category) => (
                  <th scope="col" key={category} className={styles.num}>
                    {labels.category(category)}
                  </th>
                ))}
                <th scope="col">{t('evaluations.workbench.adjustments')}</th>
              </tr>
            </thead>
            <tbody>
              {ready.slice(0, 50).map((row) => (
                <SubmitRow key={row.evaluee.personId} row={row} />
              ))}
            </tbody>
          </table>
          {ready.length > 50 && (
            <p className={styles.muted}>{t('evaluations.submit.more', { count: ready.length - 50 })}</p>
          )}
        </>
      )}
      {incomplete.length > 0 && (
        <Alert
          className={styles.dialogAlert}
          type="warning"
          showIcon
          title={t('evaluations.submit.incompleteTitle', { count: incomplete.length })}
          description={<MissingList rows={incomplete} />}
        />
      )}
      <p className={styles.muted}>{t('evaluations.submit.note')}</p>
      {problem && <Alert type="error" showIcon role="alert" title={problem} className={styles.dialogAlert} />}
    </Modal>
  );
}

/** Who is not submitted, grouped: nobody scored yet (names only), and partly scored (with what is missing). */
function MissingList({ rows }: { rows: readonly RowState[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const untouched = rows.filter((row) => missingCategories(row).length === scoreCategories.length);
  const partial = rows.filter((row) => missingCategories(row).length < scoreCategories.length);
  const names = (list: readonly RowState[], describe?: (row: RowState) => string) =>
    list
      .slice(0, LIST_LIMIT)
      .map((row) => (describe ? `${row.evaluee.name}（${describe(row)}）` : row.evaluee.name))
      .join('、') + (list.length > LIST_LIMIT ? t('evaluations.submit.andMore', { count: list.length }) : '');
  return (
    <div data-testid="submit-missing">
      {partial.length > 0 && (
        <p className={styles.missingGroup}>
          <strong>{t('evaluations.submit.partial', { count: partial.length })}</strong>
          {names(partial, (row) =>
            t('evaluations.submit.missing', {
              categories: missingCategories(row).map(labels.category).join('、'),
            }),
          )}
        </p>
      )}
      {untouched.length > 0 && (
        <p className={styles.missingGroup}>
          <strong>{t('evaluations.submit.untouched', { count: untouched.length })}</strong>
          {names(untouched)}
        </p>
      )}
    </div>
  );
}

function SubmitRow({ row }: { row: RowState }) {
  const { t } = useTranslation();
  const adjustments = row.evaluee.adjustments;
  return (
    <tr>
      <th scope="row">{row.evaluee.name}</th>
      {scoreCategories.map((category) => (
        <td key={category} className={styles.num}>
          {formatScore(row.cells[category].value)}
        </td>
      ))}
      <td>
        {adjustments.length === 0
          ? '—'
          : adjustments
              .map((a) =>
                a.kind === 'VETO'
                  ? t('evaluations.adjustmentKind.VETO')
                  : `${a.kind === 'BONUS' ? '+' : '−'}${formatScore(a.amount)}`,
              )
              .join(' ')}
      </td>
    </tr>
  );
}
