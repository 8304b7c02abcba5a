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

/** Upload options: `onProgress` reports bytes sent (the request then goes through XMLHttpRequest). */
export interface UploadOptions extends CallOptions {
  onProgress?: (progress: { loaded: number; total: number }) => void;
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
  const hasBody = route.body !== undefined && body !== undefined;
  return send(route, buildPath(route.path, params) + buildQueryString(query), {
    headers: hasBody ? { 'Content-Type': 'application/json' } : {},
    body: hasBody ? JSON.stringify(body) : undefined,
    signal: options.signal,
  });
}

/** A route whose body is a raw file (`upload` in its contract), not JSON. */
type UploadRoute = RouteContract & { upload: { maxBytes: number; mimeTypes: readonly string[] } };

/**
 * Uploads a file as the raw request body with the file's own Content-Type, for routes that
 * declare `upload`. Size and type are checked here first so a person learns at once, not after
 * sending megabytes; the server checks the same limits.
 */
export async function uploadFile<R extends UploadRoute>(
  route: R,
  input: Omit<RouteInput<R>, 'body'>,
  file: File,
  options: UploadOptions = {},
): Promise<RouteOutput<R>> {
  if (file.size > route.upload.maxBytes) {
    throw new ApiError({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
      message: i18n.t('errors.fileTooLarge', { size: Math.round(route.upload.maxBytes / 1024 / 1024) }),
    });
  }
  if (!route.upload.mimeTypes.includes(file.type)) {
    throw new ApiError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      status: 415,
      message: i18n.t('errors.fileType'),
    });
  }
  const { params, query } = input as { params?: object; query?: object };
  const url = buildPath(route.path, params) + buildQueryString(query);
  if (options.onProgress) return sendWithProgress(route, url, file, options);
  return send(route, url, {
    headers: { 'Content-Type': file.type },
    body: file,
    signal: options.signal,
  });
}

/**
 * fetch cannot report upload progress; XMLHttpRequest can. The answer is turned into a Response
 * and read exactly as `send` reads one, so errors and parsing are the same either way.
 */
function sendWithProgress<R extends RouteContract>(
  route: R,
  url: string,
  file: File,
  options: UploadOptions,
): Promise<RouteOutput<R>> {
  return new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(route.method.toUpperCase(), url);
    xhr.withCredentials = true;
    xhr.responseType = 'blob';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'zeren');
    xhr.setRequestHeader('Content-Type', file.type);
    xhr.upload.onprogress = (event) =>
      options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      const headers = new Headers();
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const hasBody = xhr.status !== 204 && xhr.status !== 205 && xhr.status !== 304;
      resolve(new Response(hasBody ? (xhr.response as Blob) : null, { status: xhr.status, headers }));
    };
    const fail = () =>
      reject(new ApiError({ code: 'NETWORK_ERROR', status: 0, message: i18n.t('errors.network') }));
    xhr.onerror = fail;
    xhr.ontimeout = fail;
    xhr.onabort = () => reject(options.signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    if (options.signal?.aborted) return xhr.onabort(new ProgressEvent('abort'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  }).then((response) => readAnswer(route, response));
}

/** A route whose success body is a file (`download` in its contract), not JSON. */
type DownloadRoute = RouteContract & { download: { mimeTypes: readonly string[] } };

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition (`filename*` preferred), or undefined when the server sent none. */
  filename: string | undefined;
}

/**
 * Fetches a file from a `download` route with the same headers and error envelope handling as
 * callApi. Saving it (an object URL and a click) is the caller's business: lib has no UI effects.
 */
export async function downloadFile<R extends DownloadRoute>(
  route: R,
  input: RouteInput<R>,
  options: CallOptions = {},
): Promise<DownloadedFile> {
  const { params, query } = input as { params?: object; query?: object };
  let response: Response;
  try {
    response = await fetch(buildPath(route.path, params) + buildQueryString(query), {
      method: route.method.toUpperCase(),
      credentials: 'same-origin',
      headers: { Accept: route.download.mimeTypes.join(', '), 'X-Requested-With': 'zeren' },
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, message: i18n.t('errors.network'), cause: error });
  }
  if (!response.ok) throw await toApiError(response);
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) };
}

/** `attachment; filename="a.xlsx"; filename*=UTF-8''%E8%80%83.xlsx` → `考.xlsx`. */
function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*\s*=\s*(?:UTF-8'[^']*')?([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed: fall back to the plain name
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1]?.trim();
}

/** Sends one request and turns the answer into the route's output or an ApiError. */
async function send<R extends RouteContract>(
  route: R,
  url: string,
  init: { headers: Record<string, string>; body: BodyInit | undefined; signal: AbortSignal | undefined },
): Promise<RouteOutput<R>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method.toUpperCase(),
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        // CSRF defence: the API rejects mutating requests without it, and a cross-site form cannot set it.
        'X-Requested-With': 'zeren',
        ...init.headers,
      },
      body: init.body,
      signal: init.signal,
    });
  } catch (error) {
    // React Query cancels by aborting; let that through untouched so it is not shown as an error.
    if (init.signal?.aborted) throw error;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, message: i18n.t('errors.network'), cause: error });
  }

  return readAnswer(route, response);
}

/** The route's output from a response, or the ApiError it carries. */
async function readAnswer<R extends RouteContract>(route: R, response: Response): Promise<RouteOutput<R>> {
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
