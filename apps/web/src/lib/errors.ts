import { isRouteErrorResponse } from 'react-router';
import { isApiError } from './api-client';

/** A lazy chunk failed to load: usually a deploy replaced the files under an open tab. */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}

export type ErrorKind = 'chunk' | 'forbidden' | 'notFound' | 'network' | 'other';

export function classifyError(error: unknown): ErrorKind {
  if (isChunkLoadError(error)) return 'chunk';
  if (isApiError(error)) {
    if (error.status === 403) return 'forbidden';
    if (error.status === 404) return 'notFound';
    if (error.code === 'NETWORK_ERROR') return 'network';
  }
  if (isRouteErrorResponse(error) && error.status === 404) return 'notFound';
  return 'other';
}

/** The server's message when it sent one (it is written for people); otherwise undefined. */
export function serverMessage(error: unknown): string | undefined {
  return isApiError(error) ? error.message : undefined;
}
