import { describe, expect, it } from 'vitest';
import { routes, type RouteContract } from './routes';

const all = Object.entries(routes) as [string, RouteContract][];

describe('route contracts', () => {
  it('give every operation a unique method and path under /api', () => {
    const keys = all.map(([, r]) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [name, route] of all) expect(route.path, name).toMatch(/^\/api\//);
  });

  it('declare a params schema naming exactly the path parameters', () => {
    for (const [name, route] of all) {
      const inPath = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      const declared = Object.keys(route.params?.shape ?? {}).sort();
      expect(declared, name).toEqual(inPath);
    }
  });

  it('send bodies only with methods that carry one, and 204 only without a response body', () => {
    for (const [name, route] of all) {
      if (route.body) expect(['post', 'put', 'patch'], name).toContain(route.method);
      expect(route.status === 204, name).toBe(route.response === null && !route.download);
    }
  });
});
