/**
 * An answer already shaped by its route's response schema and serialised (a cached answer, see
 * modules/dashboards/bureau-dashboard.ts): `mount` sends the text as it is instead of validating and
 * serialising the value again. `T` is the response type the text holds.
 */
export class JsonText<T = unknown> {
  declare readonly holds?: T;
  constructor(readonly text: string) {}
}
