import { useRevalidator, useRouteError } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { classifyError, serverMessage } from '@/lib/errors';

/** Errors of a page inside the shell: shown in the content area, menu and header stay. */
export function ContentErrorBoundary() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  if (classifyError(error) === 'other' && !serverMessage(error)) console.error(error);
  return (
    <div role="alert">
      <ErrorResult
        error={error}
        onRetry={() => void revalidator.revalidate()}
        isRetrying={revalidator.state === 'loading'}
      />
    </div>
  );
}
