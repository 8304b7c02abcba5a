import { Button, Modal, Space } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '@/lib/labels';
import { dayjs } from '@/lib/dayjs';
import { formatScore } from '../../utils/format';
import type { WorkbenchStore } from '../../utils/workbench-store';
import styles from './workbench.module.css';

/**
 * 409 STALE_VERSION: a score was changed elsewhere (another tab, another device) since it was
 * read. Each cell shows both values; the person keeps theirs or takes the newer one.
 */
export function ConflictDialog({ store, onClose }: { store: WorkbenchStore; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  // Re-read on every store change: a resolved cell leaves the list.
  useSyncExternalStore(store.subscribe, store.getSaveState);
  const conflicts = store.conflicts();

  const resolveAll = (choice: 'mine' | 'theirs') => {
    for (const { row, category } of conflicts) store.resolveConflict(row.evaluee.personId, category, choice);
    onClose();
  };

  return (
    <Modal
      open
      title={t('evaluations.conflict.title')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={() => resolveAll('theirs')}>{t('evaluations.conflict.allTheirs')}</Button>
          <Button type="primary" onClick={() => resolveAll('mine')}>
            {t('evaluations.conflict.allMine')}
          </Button>
        </Space>
      }
      width={640}
    >
      <p className={styles.dialogLead}>{t('evaluations.conflict.lead')}</p>
      {conflicts.length === 0 ? (
        <p>{t('evaluations.conflict.none')}</p>
      ) : (
        <table className={styles.miniTable} data-testid="conflict-list">
          <thead>
            <tr>
              <th scope="col">{t('evaluations.workbench.evaluee')}</th>
              <th scope="col">{t('evaluations.conflict.category')}</th>
              <th scope="col" className={styles.num}>
                {t('evaluations.conflict.mine')}
              </th>
              <th scope="col" className={styles.num}>
                {t('evaluations.conflict.theirs')}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {conflicts.map(({ row, category, cell }) => (
              <tr key={`${row.evaluee.personId}:${category}`}>
                <th scope="row">{row.evaluee.name}</th>
                <td>{labels.category(category)}</td>
                <td className={styles.num}>{formatScore(cell.value)}</td>
                <td className={styles.num}>
                  {cell.newer ? formatScore(cell.newer.value) : t('evaluations.workbench.emptyValue')}
                  {cell.newer && (
                    <div className={styles.muted}>{dayjs(cell.newer.updatedAt).format('M-D HH:mm')}</div>
                  )}
                </td>
                <td>
                  <Space size={4}>
                    <Button
                      size="small"
                      onClick={() => store.resolveConflict(row.evaluee.personId, category, 'mine')}
                    >
                      {t('evaluations.conflict.keepMine')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => store.resolveConflict(row.evaluee.personId, category, 'theirs')}
                    >
                      {t('evaluations.conflict.takeTheirs')}
                    </Button>
                  </Space>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
