import { z } from 'zod';

/** The OpenAPI tags: one per area of the API. */
export const ApiTag = z.enum([
  'system',
  'auth',
  'org',
  'chain',
  'targets',
  'progress',
  'gaps',
  'cycles',
  'scores',
  'results',
  'dashboards',
  'audit',
  'supervision',
  'imports',
  'exports',
]);
export type ApiTag = z.infer<typeof ApiTag>;

type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * One HTTP operation. The API validates requests and shapes responses with these schemas,
 * the web client infers its types from them, and the OpenAPI document is generated from them:
 * a route exists in all three places or in none.
 */
export interface RouteContract {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path, `/api/targets/:id`. */
  path: string;
  tag: ApiTag;
  summary: string;
  /** `public` routes need no session; `session` routes answer 401 without one. */
  access: 'public' | 'session';
  params?: AnyObject;
  query?: AnyObject;
  body?: z.ZodType;
  /** Success status and body; `null` body means 204 No Content. */
  status: 200 | 201 | 204;
  response: z.ZodType | null;
  /** The body is a raw file (not JSON): its Content-Type must be one of `mimeTypes`. */
  upload?: { maxBytes: number; mimeTypes: readonly string[] };
  /** The success body is a file the handler streams itself (`response` is then null). */
  download?: { mimeTypes: readonly string[] };
  /** Errors this route documents besides the ones every route can answer. */
  errors?: readonly number[];
  /**
   * The route honours an `Idempotency-Key` header: a retry with the same key and the same request
   * answers the first success again (same status and body) without writing twice; the same key with
   * another request is refused (409). Keys are per user and expire after 24 hours.
   */
  idempotent?: boolean;
}

/** The header an `idempotent` route reads; 1–200 visible ASCII characters (e.g. a UUID). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IdempotencyKeyValue = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key 应为 1–200 个可见 ASCII 字符（建议使用 UUID）');

export const defineRoute = <const R extends RouteContract>(route: R) => route;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
/** What a caller sends for a route: `{ params?, query?, body? }` as the contract declares. */
export type RouteInput<R extends RouteContract> = {
  [K in 'params' | 'query' | 'body' as R[K] extends z.ZodType ? K : never]: z.input<NonNullable<R[K]>>;
};
/** What a route answers on success. */
export type RouteOutput<R extends RouteContract> = R['response'] extends z.ZodType
  ? Infer<R['response']>
  : void;
