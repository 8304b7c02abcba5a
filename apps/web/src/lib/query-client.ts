import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isUnauthenticated } from './api-client';

const maxRetries = 2;

/** Client errors (4xx) and answers that break the contract will not change on retry; network and 5xx failures might. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (
    isApiError(error) &&
    ((error.status >= 400 && error.status < 500) || error.code === 'INVALID_RESPONSE')
  ) {
    return false;
  }
  return failureCount < maxRetries;
}

export interface QueryClientHooks {
  /**
   * Called when any query or mutation answers 401. The app decides what that means
   * (normally: forget cached data, go to the login page); lib stays free of navigation.
   */
  onUnauthenticated: () => void;
}

export function createQueryClient({ onUnauthenticated }: QueryClientHooks): QueryClient {
  const handleError = (error: unknown) => {
    if (isUnauthenticated(error)) onUnauthenticated();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
