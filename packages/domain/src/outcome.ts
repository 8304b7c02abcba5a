// Rules that can refuse return an outcome instead of throwing, so the API decides how to answer.

export type Outcome<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** One problem with an input, addressed by a path such as `scores[2].score` (fits the API's ValidationIssue). */
export interface InputIssue<K extends string = string> {
  kind: K;
  path: string;
  message: string;
}
