/** Query keys of the auth feature; invalidate through these, never through literal arrays. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};
