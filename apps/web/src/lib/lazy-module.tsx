import { use, type ComponentType } from 'react';

/**
 * A code-split module fetched only when asked to, typically by a route loader once the user is
 * known to be logged in. (React Router's own `lazy` starts fetching every matched route's chunk
 * before any loader has run, so a visit to `/` without a session would download the whole
 * shell only to be redirected to the login page.)
 *
 * Components taken from it render synchronously once `preload()` has resolved, with no
 * Suspense fallback flashing; rendered earlier, they suspend until the module arrives.
 */
export function lazyModule<M>(load: () => Promise<M>) {
  let loaded: M | undefined;
  let pending: Promise<M> | undefined;

  const preload = (): Promise<M> => {
    pending ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        pending = undefined; // a failed chunk may load on the next attempt (after a retry or reload)
        throw error;
      },
    );
    return pending;
  };

  const component = <P extends object>(pick: (module: M) => ComponentType<P>, displayName: string) => {
    function LazyPart(props: P) {
      const Part = pick(loaded ?? use(preload()));
      return <Part {...props} />;
    }
    LazyPart.displayName = displayName;
    return LazyPart;
  };

  return { preload, component };
}
