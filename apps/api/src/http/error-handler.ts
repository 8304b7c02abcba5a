import type { ErrorEnvelope } from '@zeren/contracts';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DomainError, STATUS_BY_CODE } from './errors';

function send(res: Parameters<RequestHandler>[1], status: number, error: ErrorEnvelope['error']) {
  res.status(status).json({ error } satisfies ErrorEnvelope);
}

/** Errors that Postgres raises for rules the database keeps (see the domain-checks migration). */
function fromDatabase(error: unknown): DomainError | undefined {
  const pgCode = findPgCode(error);
  if (pgCode === '23505') return new DomainError('CONFLICT', '已存在相同的记录，请检查后再试');
  if (pgCode === '23503') return new DomainError('CONFLICT', '该记录仍被其他数据引用，无法执行此操作');
  if (pgCode === '23514') return new DomainError('VALIDATION_FAILED', '数据不符合业务规则，未作任何修改');
  // The database went away (shut down, restarting, unreachable): nothing was written; retry later.
  if (pgCode && /^(08...|57P0[1-3])$/.test(pgCode)) return databaseUnavailable();
  if (isConnectionLoss(error)) return databaseUnavailable();
  return undefined;
}

const databaseUnavailable = () => new DomainError('SERVICE_UNAVAILABLE', '数据库暂时无法访问，请稍后重试');

// Socket errors, Prisma's "cannot reach / timed out / connection closed", the adapter's kinds.
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'P1001',
  'P1002',
  'P1017',
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
]);

function isConnectionLoss(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const record = e as {
      code?: unknown;
      kind?: unknown;
      cause?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
    };
    if (typeof record.code === 'string' && CONNECTION_ERRORS.has(record.code)) return true;
    if (typeof record.kind === 'string' && CONNECTION_ERRORS.has(record.kind)) return true;
    const kind = record.meta?.driverAdapterError?.cause?.kind;
    if (typeof kind === 'string' && CONNECTION_ERRORS.has(kind)) return true;
    if (
      typeof record.message === 'string' &&
      /Connection terminated|connection (is )?closed|terminating connection|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i.test(
        record.message,
      )
    )
      return true;
    e = record.cause;
  }
  return false;
}

const SQLSTATE = /^[0-9][0-9A-Z]{4}$/;

function findPgCode(error: unknown): string | undefined {
  // Prisma wraps driver errors; the SQLSTATE sits on the error or its cause.
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const record = e as { code?: unknown; cause?: unknown; meta?: { code?: unknown } };
    // SQLSTATEs are five characters and may hold letters (57P03); Prisma's own codes start with P.
    if (typeof record.code === 'string' && SQLSTATE.test(record.code)) return record.code;
    if (typeof record.meta?.code === 'string' && SQLSTATE.test(record.meta.code)) return record.meta.code;
    // $queryRaw failures (P2010) carry the SQLSTATE only in the message: "Raw query failed. Code: `57P03`".
    if (record.code === 'P2010' && typeof (record as { message?: unknown }).message === 'string') {
      const raw = /Code: `([0-9][0-9A-Z]{4})`/.exec((record as { message: string }).message)?.[1];
      if (raw) return raw;
    }
    if (record.code === 'P2002') return '23505';
    if (record.code === 'P2003') return '23503';
    e = record.cause;
  }
  return undefined;
}

export const notFoundHandler: RequestHandler = (_req, res) => {
  send(res, 404, { code: 'NOT_FOUND', message: '请求的接口不存在' });
};

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof DomainError) {
      return send(res, STATUS_BY_CODE[error.code], {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      });
    }
    // body-parser marks its errors with `type`.
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed') {
      return send(res, 400, { code: 'VALIDATION_FAILED', message: '请求体不是有效的 JSON' });
    }
    if (type === 'entity.too.large') {
      return send(res, 413, { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' });
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return send(res, 415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求编码' });
    }
    // The router could not decode a path parameter (`/api/targets/%E0%A4%A`): a bad request.
    if (error instanceof URIError && (error as { status?: number }).status === 400) {
      return send(res, 400, { code: 'VALIDATION_FAILED', message: '请求地址中的参数编码无效' });
    }
    const mapped = fromDatabase(error);
    if (mapped) return send(res, STATUS_BY_CODE[mapped.code], { code: mapped.code, message: mapped.message });
    req.log?.error({ err: error }, 'unhandled error');
    if (!req.log) logger.error({ err: error }, 'unhandled error');
    return send(res, 500, { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
  };
}
