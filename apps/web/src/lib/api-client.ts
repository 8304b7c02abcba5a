import {
  ErrorEnvelope,
  type ErrorCode,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
} from '@zeren/contracts';
import { i18n } from './i18n';

/** Codes the server sends, plus the two failures only the client can see. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'INVALID_RESPONSE';

/** Every failed call ends as one of these: components branch on `code` and `status`, never on text. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  readonly details: unknown;

  constructor(init: {
    code: ApiErrorCode;
    message: string;
    status: number;
    details?: unknown;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export const isUnauthenticated = (error: unknown): boolean => isApiError(error) && error.status === 401;

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * The one way the web talks to the API. Method, path and shapes come from the route contract,
 * so a call cannot drift from what the server validates.
 */
export async function callApi<R extends RouteContract>(
  route: R,
  input: RouteInput<R>,
  options: CallOptions = {},
): Promise<RouteOutput<R>> {
  const { params, query, body } = input as { params?: object; query?: object; body?: unknown };
  const url = buildPath(route.path, params) + buildQueryString(query);
  const hasBody = route.body !== undefined && body !== undefined;

  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method.toUpperCase(),
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        // CSRF defence: the API rejects mutating requests without it, and a cross-site form cannot set it.
        'X-Requested-With': 'zeren',
        ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      },
      body: hasBody ? JSON.stringify(body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    // React Query cancels by aborting; let that through untouched so it is not shown as an error.
    if (options.signal?.aborted) throw error;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, message: i18n.t('errors.network'), cause: error });
  }

  if (!response.ok) throw await toApiError(response);
  if (route.response === null || response.status === 204) return undefined as RouteOutput<R>;

  const json = await readJson(response);
  // Parsing (not just casting) keeps RouteOutput honest: defaults and transforms in the schema apply here too.
  const parsed = route.response.safeParse(json);
  if (!parsed.success) {
    console.error(
      `Response of ${route.method.toUpperCase()} ${route.path} does not match its contract`,
      parsed.error,
    );
    throw new ApiError({
      code: 'INVALID_RESPONSE',
      status: response.status,
      message: i18n.t('errors.invalidResponse'),
      cause: parsed.error,
    });
  }
  return parsed.data as RouteOutput<R>;
}

/** `/api/targets/:id` + `{ id: 'x' }` → `/api/targets/x`. */
function buildPath(template: string, params: object | undefined): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return template.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value === null)
      throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** Skips empty values, repeats keys for arrays, writes dates as ISO strings. */
function buildQueryString(query: object | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, raw] of Object.entries(query)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (value === undefined || value === null || value === '') continue;
      search.append(key, value instanceof Date ? value.toISOString() : String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw new ApiError({
      code: 'INVALID_RESPONSE',
      status: response.status,
      message: i18n.t('errors.invalidResponse'),
      cause: error,
    });
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const json = await response.json().catch(() => undefined);
  const envelope = ErrorEnvelope.safeParse(json);
  if (envelope.success) {
    const { code, message, details } = envelope.data.error;
    return new ApiError({ code, message, details, status: response.status });
  }
  // No envelope: a proxy, a crash before the error handler, or the API is down behind vite's proxy.
  return new ApiError({
    code: fallbackCode(response.status),
    status: response.status,
    message: i18n.t('errors.httpStatus', { status: response.status }),
  });
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  if (status === 400 || status === 422) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}
