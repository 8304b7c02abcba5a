import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { classifyError, serverMessage } from '@/lib/errors';

interface ErrorResultProps {
  error: unknown;
  onRetry?: () => void;
  isRetrying?: boolean;
}

/** The error state of a page or a section: what went wrong, in words, and a way to try again. */
export function ErrorResult({ error, onRetry, isRetrying }: ErrorResultProps) {
  const { t } = useTranslation();
  const kind = classifyError(error);

  if (kind === 'forbidden') {
    return (
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={serverMessage(error) ?? t('errors.forbidden')}
      />
    );
  }
  if (kind === 'notFound') {
    return (
      <Result
        status="404"
        title={t('errors.notFoundTitle')}
        subTitle={serverMessage(error) ?? t('errors.notFound')}
      />
    );
  }
  const isChunk = kind === 'chunk';
  return (
    <Result
      status={kind === 'network' ? 'warning' : 'error'}
      title={t('errors.loadFailed')}
      subTitle={isChunk ? t('errors.chunkFailed') : (serverMessage(error) ?? t('errors.unexpected'))}
      extra={
        isChunk ? (
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>
        ) : (
          onRetry && (
            <Button type="primary" onClick={onRetry} loading={isRetrying}>
              {t('errors.retry')}
            </Button>
          )
        )
      }
    />
  );
}
