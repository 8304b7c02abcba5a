import type { ErrorCode } from '@zeren/contracts';

/** Services throw this; the error handler maps `code` to an HTTP status in one table. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

export const notFound = (what = '资源') => new DomainError('NOT_FOUND', `${what}不存在或您无权查看`);
export const forbidden = (message = '您没有执行此操作的权限') => new DomainError('FORBIDDEN', message);
export const unauthenticated = () => new DomainError('UNAUTHENTICATED', '请先登录');
