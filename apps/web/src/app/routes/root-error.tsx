import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRevalidator, useRouteError } from 'react-router';
import { classifyError, serverMessage } from '@/lib/errors';

/**
 * Errors outside the shell (loading `me`, loading the shell chunk). Loaded with the login route,
 * so it stays light: no antd Result and its illustrations.
 */
export function RootErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const kind = classifyError(error);
  const isChunk = kind === 'chunk';
  if (kind === 'other' && !serverMessage(error)) console.error(error);

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 24 }}>
      <div role="alert" style={{ maxWidth: 440, textAlign: 'center' }}>
        <h1 style={{ fontSize: 22, fontWeight: 600, margin: '0 0 12px' }}>{t('errors.loadFailed')}</h1>
        <p style={{ color: 'rgb(0 0 0 / 0.65)', margin: '0 0 24px' }}>
          {isChunk ? t('errors.chunkFailed') : (serverMessage(error) ?? t('errors.unexpected'))}
        </p>
        <Button
          type="primary"
          loading={revalidator.state === 'loading'}
          onClick={() => (isChunk ? window.location.reload() : void revalidator.revalidate())}
        >
          {isChunk ? t('errors.reload') : t('errors.retry')}
        </Button>
      </div>
    </main>
  );
}
