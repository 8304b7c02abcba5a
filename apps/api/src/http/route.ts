import type { RouteContract, RouteOutput } from '@zeren/contracts';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { Actor } from './actor';
import { DomainError, unauthenticated } from './errors';
import { JsonText } from './json-text';
import {
  IdempotencyRace,
  keyReusedError,
  readIdempotencyKey,
  requestHash,
  routeKey,
  type IdempotencyStore,
  type StoredAnswer,
  type WriteHooks,
} from './idempotency';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
export interface RouteInputParsed<R extends RouteContract> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  /** For an upload route: the file (`Upload`). */
  body: R['upload'] extends object ? Upload : Out<R['body']>;
}
export interface HandlerContext<R extends RouteContract> {
  actor: R['access'] extends 'session' ? Actor : Actor | null;
  req: Request;
  res: Response;
  /** For `idempotent` routes: pass to the service, which calls them inside its write transaction. */
  hooks: WriteHooks;
}
type Answer<R extends RouteContract> = RouteOutput<R> | JsonText<RouteOutput<R>>;
type Handler<R extends RouteContract> = (
  input: RouteInputParsed<R>,
  ctx: HandlerContext<R>,
) => Promise<Answer<R>> | Answer<R>;

/** Every route mounted through `mount`, so tests can check the contracts and the server agree. */
export const mountedRoutes = new Set<RouteContract>();

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = details[0];
  throw new DomainError(
    'VALIDATION_FAILED',
    first ? `请求参数有误（${first.path}）：${first.message}` : '请求参数有误',
    details,
  );
}

/** An uploaded file: the raw body, checked against the contract's size and type limits. */
export interface Upload {
  bytes: Buffer;
  mimeType: string;
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word（docx）',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel（xlsx）',
};
/** " PDF、PNG 和 Excel（xlsx）": the accepted types as a person names them. */
function describeTypes(mimeTypes: readonly string[]): string {
  const names = mimeTypes.map((t) => TYPE_NAMES[t] ?? t);
  return ` ${names.length > 1 ? `${names.slice(0, -1).join('、')}和 ${names.at(-1)}` : names[0]}`;
}

async function readUpload(
  req: Request,
  limits: { maxBytes: number; mimeTypes: readonly string[] },
): Promise<Upload> {
  const mimeType = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!limits.mimeTypes.includes(mimeType)) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `不支持的文件类型：仅支持${describeTypes(limits.mimeTypes)}`,
    );
  }
  const declared = Number(req.get('content-length') ?? NaN);
  if (declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
    chunks.push(chunk);
  }
  if (size === 0) throw new DomainError('VALIDATION_FAILED', '上传的文件为空');
  return { bytes: Buffer.concat(chunks), mimeType };
}

const tooLarge = (maxBytes: number) =>
  new DomainError('PAYLOAD_TOO_LARGE', `文件过大：不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`);

/**
 * Mounts one contract route: checks the session, validates params/query/body with the contract's
 * schemas, runs the handler and shapes the answer with the response schema (unknown fields are
 * stripped, so nothing the contract does not name reaches the client).
 */
export function mount<R extends RouteContract>(router: Router, route: R, handler: Handler<R>): void {
  mountedRoutes.add(route);
  router[route.method](route.path, async (req, res) => {
    const actor = (res.locals.actor as Actor | undefined) ?? null;
    if (route.access === 'session' && !actor) throw unauthenticated();
    const input = {
      params: parsePart(route.params, req.params, 'params'),
      query: parsePart(route.query, req.query, 'query'),
      body: route.upload ? await readUpload(req, route.upload) : parsePart(route.body, req.body, 'body'),
    } as RouteInputParsed<R>;
    const key = route.idempotent ? readIdempotencyKey(req.get('idempotency-key')) : undefined;
    if (key !== undefined && actor) return runIdempotent(route, handler, input, { actor, req, res, key });
    const result = await handler(input, { actor, req, res, hooks: {} } as HandlerContext<R>);
    if (route.download) return; // the handler has streamed the file
    if (result instanceof JsonText) {
      res.status(route.status).type('application/json').send(result.text);
      return;
    }
    if (route.response === null) {
      res.status(route.status).end();
      return;
    }
    res.status(route.status).json(route.response.parse(result));
  });
}

/** The answer as sent: the response schema's output as JSON text ('' for 204). */
const answerText = (route: RouteContract, result: unknown) =>
  result instanceof JsonText
    ? result.text
    : route.response === null
      ? ''
      : JSON.stringify(route.response.parse(result));

function sendAnswer(res: Response, status: number, text: string, isReplay: boolean) {
  if (isReplay) res.setHeader('Idempotent-Replayed', 'true');
  if (text === '') res.status(status).end();
  else res.status(status).type('application/json').send(text);
}

/** A keyed write: replay a stored answer, or run it and store its answer in its transaction. */
async function runIdempotent<R extends RouteContract>(
  route: R,
  handler: Handler<R>,
  input: RouteInputParsed<R>,
  ctx: { actor: Actor; req: Request; res: Response; key: string },
) {
  const { actor, req, res, key } = ctx;
  const store = req.app.locals.idempotency as IdempotencyStore;
  const identity = { organisationId: actor.organisationId, userId: actor.userId, key };
  const answer = { route: routeKey(route), requestHash: requestHash(route, req.params, req.body) };
  const replay = (stored: StoredAnswer) => {
    if (stored.route !== answer.route || stored.requestHash !== answer.requestHash) throw keyReusedError();
    sendAnswer(res, stored.status, stored.response, true);
  };
  const existing = await store.find(actor.organisationId, actor.userId, key);
  if (existing) return replay(existing);

  let committed: string | undefined;
  const hooks: WriteHooks = {
    beforeCommit: async (tx, result) => {
      const text = answerText(route, result);
      const isClaimed = await store.claim(
        { ...identity, ...answer, status: route.status, response: text },
        tx,
      );
      if (!isClaimed) throw new IdempotencyRace(); // rolls the write back
      committed = text;
    },
  };
  let result: unknown;
  try {
    result = await handler(input, { actor, req, res, hooks } as HandlerContext<R>);
  } catch (error) {
    if (!(error instanceof IdempotencyRace)) throw error;
    const stored = await store.find(actor.organisationId, actor.userId, key);
    if (stored) return replay(stored);
    throw new DomainError('CONFLICT', '相同 Idempotency-Key 的请求正在处理，请稍后重试');
  }
  let text = committed;
  if (text === undefined) {
    // The service did not call the hook (nothing to write): store the answer on its own.
    text = answerText(route, result);
    if (!(await store.claim({ ...identity, ...answer, status: route.status, response: text }))) {
      const stored = await store.find(actor.organisationId, actor.userId, key);
      if (stored) return replay(stored);
    }
  }
  sendAnswer(res, route.status, text, false);
}
