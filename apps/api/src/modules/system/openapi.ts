import { ApiTag, ErrorEnvelope, IdempotencyKeyValue, routes, type RouteContract } from '@zeren/contracts';
import { z } from 'zod';
import { createDocument } from 'zod-openapi';

/** The optional header of `idempotent` routes (apps/api/src/http/idempotency.ts). */
const IdempotencyHeader = z.object({
  'Idempotency-Key': IdempotencyKeyValue.optional().meta({
    description:
      'Retry-safe writes: a repeat with the same key and request answers the first success again ' +
      'without writing twice; the same key with another request answers 409. Per user, kept 24 hours.',
  }),
});

const TAG_DESCRIPTIONS: Record<ApiTag, string> = {
  system: 'Health and this document',
  auth: 'Login, logout and the current user (session cookie)',
  org: 'Organisation units, people, posts and holdings',
  chain: 'The responsibility chain in either line',
  targets: 'Targets and their decomposition',
  progress: 'Append-only progress updates',
  gaps: 'The closed-chain check and waivers',
  cycles: 'Evaluation cycles',
  scores: 'Scores and adjustments',
  results: 'Evaluation results, grades and amendments',
  dashboards: 'Dashboards per responsibility tier',
  audit: 'The tamper-evident audit log',
  supervision: 'Inspections (督导), findings, rectification tasks and their re-inspection',
  imports: 'Spreadsheet imports',
  exports: 'Spreadsheet and print exports',
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (VALIDATION_FAILED)',
  401: 'No valid session (UNAUTHENTICATED)',
  403: 'Not allowed (FORBIDDEN)',
  404: 'Not found, or not visible to this user (NOT_FOUND)',
  409: 'Conflict or stale version (CONFLICT, STALE_VERSION)',
  413: 'Payload too large (PAYLOAD_TOO_LARGE)',
  415: 'Unsupported file type (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Refused as a whole, e.g. an import with errors; details say why (UNPROCESSABLE_CONTENT)',
  429: 'Too many attempts (RATE_LIMITED)',
  500: 'Unexpected error (INTERNAL)',
  503: 'Database unreachable (SERVICE_UNAVAILABLE)',
};

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function operation(name: string, route: RouteContract) {
  const errorStatuses = new Set<number>([
    ...(route.params || route.query || route.body || route.upload ? [400] : []),
    ...(route.access === 'session' ? [401] : []),
    ...(route.errors ?? []),
    500,
  ]);
  const errorEnvelope = { content: { 'application/json': { schema: ErrorEnvelope } } };
  return {
    operationId: name,
    tags: [route.tag],
    summary: route.summary,
    ...(route.access === 'public' ? { security: [] } : {}),
    requestParams: {
      ...(route.params ? { path: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.idempotent ? { header: IdempotencyHeader } : {}),
    },
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
      : {}),
    ...(route.upload
      ? {
          requestBody: {
            required: true,
            description: `The raw file (at most ${route.upload.maxBytes} bytes)`,
            content: Object.fromEntries(
              route.upload.mimeTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
            ),
          },
        }
      : {}),
    responses: {
      [String(route.status)]: {
        description: route.response || route.download ? 'Success' : 'Success, no content',
        ...(route.response ? { content: { 'application/json': { schema: route.response } } } : {}),
        ...(route.download
          ? {
              content: Object.fromEntries(
                route.download.mimeTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
              ),
            }
          : {}),
      },
      ...Object.fromEntries(
        [...errorStatuses]
          .sort()
          .map((s) => [String(s), { description: ERROR_DESCRIPTIONS[s] ?? 'Error', ...errorEnvelope }]),
      ),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the contracts that the server also validates with. */
export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const [name, route] of Object.entries(routes) as [string, RouteContract][]) {
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(name, route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Zeren 责任链 API',
      version,
      description:
        'The API of Zeren, a post target responsibility system (岗位目标责任制). Every error body is `{ error: { code, message, details? } }`. Unsafe methods require the header `X-Requested-With`.',
    },
    tags: ApiTag.options.map((name) => ({ name, description: TAG_DESCRIPTIONS[name] })),
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zeren_sid' } },
    },
    security: [{ session: [] }],
    paths: paths as never,
  });
}
