import { Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './org-admin.module.css';

interface RowActionsProps {
  /** What the buttons act on, for screen readers ("编辑 医政科"). */
  name: string;
  onEdit?: () => void;
  /** Archive and delete run when confirmed; the confirmation stays busy until they settle. */
  onArchive?: () => Promise<unknown>;
  onDelete?: () => Promise<unknown>;
  archiveConfirm?: ReactNode;
  deleteConfirm?: ReactNode;
  children?: ReactNode;
}

/** Edit / archive / delete for one row; archive and delete ask first. */
export function RowActions({
  name,
  onEdit,
  onArchive,
  onDelete,
  archiveConfirm,
  deleteConfirm,
  children,
}: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <Space size={0} className={styles.actions}>
      {onEdit && (
        <Button type="link" size="small" onClick={onEdit} aria-label={`${t('orgAdmin.common.edit')} ${name}`}>
          {t('orgAdmin.common.edit')}
        </Button>
      )}
      {children}
      {onArchive && (
        <Popconfirm
          title={t('orgAdmin.common.archiveTitle')}
          description={<div className={styles.confirm}>{archiveConfirm}</div>}
          okText={t('orgAdmin.common.archive')}
          cancelText={t('orgAdmin.common.cancel')}
          onConfirm={onArchive}
        >
          <Button type="link" size="small" aria-label={`${t('orgAdmin.common.archive')} ${name}`}>
            {t('orgAdmin.common.archive')}
          </Button>
        </Popconfirm>
      )}
      {onDelete && (
        <Popconfirm
          title={t('orgAdmin.common.deleteTitle')}
          description={<div className={styles.confirm}>{deleteConfirm}</div>}
          okText={t('orgAdmin.common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('orgAdmin.common.cancel')}
          onConfirm={onDelete}
        >
          <Button type="link" size="small" danger aria-label={`${t('orgAdmin.common.delete')} ${name}`}>
            {t('orgAdmin.common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
