export const loginPath = '/login';
const returnParam = 'returnTo';

/** `/login?returnTo=/targets%3Fyear%3D2025`: where to go back to after logging in. */
export function loginPathFor(returnTo: string): string {
  if (returnTo === '/' || returnTo.startsWith(loginPath)) return loginPath;
  return `${loginPath}?${new URLSearchParams({ [returnParam]: returnTo }).toString()}`;
}

/** Only same-origin paths: `//evil.example` and `https://…` would make an open redirect. */
export function readReturnPath(search: URLSearchParams): string {
  const value = search.get(returnParam);
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
