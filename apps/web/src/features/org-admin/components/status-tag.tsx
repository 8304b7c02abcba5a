import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function StatusTag({ isArchived }: { isArchived: boolean }) {
  const { t } = useTranslation();
  return isArchived ? (
    <Tag>{t('orgAdmin.common.archived')}</Tag>
  ) : (
    <Tag color="success">{t('orgAdmin.common.active')}</Tag>
  );
}
