import { useTranslation } from 'react-i18next';
import { useRevalidator, useRouteError } from 'react-router';
import { classifyError, serverMessage } from '@/lib/errors';
import styles from './root-error.module.css';

/**
 * Errors outside the shell (loading `me`, loading the shell chunk). It ships with the login
 * route, so it is plain HTML: no antd Result and its illustrations.
 */
export function RootErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const kind = classifyError(error);
  const isChunk = kind === 'chunk';
  if (kind === 'other' && !serverMessage(error)) console.error(error);

  return (
    <main className={styles.page}>
      <div role="alert" className={styles.box}>
        <h1 className={styles.title}>{t('errors.loadFailed')}</h1>
        <p className={styles.message}>
          {isChunk ? t('errors.chunkFailed') : (serverMessage(error) ?? t('errors.unexpected'))}
        </p>
        <button
          type="button"
          className={styles.button}
          disabled={revalidator.state === 'loading'}
          onClick={() => (isChunk ? window.location.reload() : void revalidator.revalidate())}
        >
          {isChunk ? t('errors.reload') : t('errors.retry')}
        </button>
      </div>
    </main>
  );
}
