/*
 * The level of the bureau heatmap lives in the page's URL (`?unit=<id>`, the unit whose child units
 * it shows): a level can be shared as a link, and the browser's back button goes up again.
 */
const UNIT_PARAM = 'unit';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The unit in the URL, if it is an id (anything else opens the default level). */
export function bureauUnitParam(params: URLSearchParams): string | undefined {
  const value = params.get(UNIT_PARAM);
  return value && UUID.test(value) ? value : undefined;
}

/** The page's query string with the level set to `unitId` (null: the default level), the rest kept. */
export function bureauLevelSearch(params: URLSearchParams, unitId: string | null): string {
  const next = new URLSearchParams(params);
  if (unitId === null) next.delete(UNIT_PARAM);
  else next.set(UNIT_PARAM, unitId);
  const text = next.toString();
  return text ? `?${text}` : '';
}
