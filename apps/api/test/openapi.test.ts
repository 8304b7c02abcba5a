import { Validator } from '@seriousme/openapi-schema-validator';
import { routes } from '@zeren/contracts';
import { describe, expect, it } from 'vitest';
import { mountedRoutes } from '../src/http/route';
import { Client, useHarness } from './support/harness';

const h = useHarness();

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await new Client(h.baseUrl).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every contract route with its tag, and the server mounts every one', async () => {
    const doc = (await new Client(h.baseUrl).get('/api/openapi.json')).body;
    for (const [name, route] of Object.entries(routes)) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method];
      expect(op, `${name} ${route.method} ${path}`).toBeDefined();
      expect(op.tags).toEqual([route.tag]);
      expect(op.operationId).toBe(name);
      expect(mountedRoutes.has(route), `${name} is mounted`).toBe(true);
    }
    expect(mountedRoutes.size).toBe(Object.keys(routes).length);
  });
});
