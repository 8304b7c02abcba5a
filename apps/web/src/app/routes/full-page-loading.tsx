import { useTranslation } from 'react-i18next';
import styles from './full-page-loading.module.css';

export function FullPageLoading() {
  const { t } = useTranslation();
  return (
    <div className={styles.page} role="status">
      <div className={styles.spinner} aria-hidden="true" />
      <span>{t('app.loading')}</span>
    </div>
  );
}
