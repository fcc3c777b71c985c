/**
 * API.md Conventions, for every route: the error shape, body limits, security
 * headers, the OpenAPI document — and garbage never causes a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, ERROR_STATUS } from '../../shared/schemas/common';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type World } from '../support/world';

let t: TestServer;
let w: World;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
  const doc = await t.call('GET', '/api/openapi.json');
  routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

const KNOWN_STATUSES = new Set<number>(Object.values(ERROR_STATUS).filter((s) => s !== 500));

function expectErrorShape(res: { status: number; body: unknown; text: string }, context: string) {
  expect(res.status, `${context}: ${res.text.slice(0, 300)}`).not.toBe(500);
  if (res.status >= 400) {
    expect(KNOWN_STATUSES.has(res.status), `${context}: status ${res.status}`).toBe(true);
    expect(ErrorBody.safeParse(res.body).success, `${context}: ${res.text.slice(0, 300)}`).toBe(true);
  }
}

describe('GET /api/health', () => {
  it('says ok, which database and the version, without a token', async () => {
    const res = await t.call('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: t.database.kind, version: 'test' });
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every route of the contract with its schemas', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\.1/);
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/me',
      '/api/admin/regions',
      '/api/admin/parks',
      '/api/admin/enterprises',
      '/api/admin/users',
      '/api/admin/templates',
      '/api/regions',
      '/api/parks',
      '/api/enterprises',
      '/api/templates',
      '/api/findings',
      '/api/findings/{id}',
      '/api/inspections/{id}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas).toHaveProperty('Finding');
    expect(doc.components.schemas).toHaveProperty('Error');
    expect(doc.paths['/api/admin/enterprises'].post.requestBody.content['application/json'].schema).toBeDefined();
  });
});

describe('every answer', () => {
  it('carries CSP, nosniff and frame-ancestors, errors included', async () => {
    for (const path of ['/api/health', '/api/nope', '/api/me']) {
      const res = await t.call('GET', path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('for an unknown API route is 404 in the error shape', async () => {
    const res = await t.call('GET', '/api/no-such-thing', { token: w.tokens.admin });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('bad requests', () => {
  it('broken JSON is 400 invalid_request', async () => {
    const res = await t.call('POST', '/api/auth/login', { raw: '{"username": "a",', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('a missing field is named in details', async () => {
    const res = await t.call('POST', '/api/auth/login', { body: { username: 'admin' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'password' })]);
  });

  it('an unknown field is refused and named', async () => {
    const res = await t.call('POST', '/api/admin/regions', { token: w.tokens.admin, body: { name: '区', colour: 'red' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('colour');
  });

  it('a body over 2 MB is 413 payload_too_large', async () => {
    const res = await t.call('POST', '/api/admin/regions', {
      token: w.tokens.admin,
      raw: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024 + 10) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('a body that is not JSON is 415 unsupported_media_type', async () => {
    const res = await t.call('POST', '/api/auth/login', { raw: 'username=a&password=b', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('text is stored and returned exactly as given, markup included', async () => {
    const name = '<script>alert("园")</script> & \'quotes\' — 😀';
    const res = await t.call('POST', '/api/admin/regions', { token: w.tokens.admin, body: { name } });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(name);
  });
});

const GARBAGE_BODIES: { label: string; raw: string }[] = [
  { label: 'broken JSON', raw: '{"a": [1, 2' },
  { label: 'null', raw: 'null' },
  { label: 'an array', raw: '[1, "two", null]' },
  { label: 'a string', raw: '"hello"' },
  { label: 'a number', raw: '12345678901234567890' },
  {
    label: 'wrong types everywhere',
    raw: JSON.stringify({
      id: 42, name: ['x'], username: {}, password: 12345678, role: 7, regionIds: 'all', parkIds: [1, 2],
      parentId: true, regionId: 'not-a-uuid', parkId: null, starRating: 'five', areaMu: {}, creditCode: 123,
      code: [], category: 9, title: 'plain', sections: {}, clientId: 5, mutations: 'many',
    }),
  },
  {
    label: 'huge strings',
    raw: JSON.stringify({
      name: '园'.repeat(300_000), username: 'u'.repeat(100_000), password: 'p'.repeat(100_000),
      regionId: 'r'.repeat(10_000), code: 'c'.repeat(10_000),
    }),
  },
  { label: 'unknown fields only', raw: JSON.stringify({ hello: 'world', __proto__: { admin: true }, constructor: 1 }) },
  { label: 'NUL characters', raw: JSON.stringify({ name: 'a\u0000b', username: '\u0000', password: 'pass\u0000word' }) },
  { label: 'deep nesting', raw: `${'['.repeat(5000)}${']'.repeat(5000)}` },
];

const GARBAGE_IDS = ['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(5000), '00000000-0000-0000-0000-000000000000', "1' OR '1'='1"];
const GARBAGE_QUERIES = [
  '?limit=-1&cursor=%%%',
  '?parkId=1&status=all&from=yesterday&to=2026-13-45',
  `?q=${'%25'.repeat(200)}&limit=abc`,
  '?cursor=eyJ0IjoiYmFkIn0',
  `?overdue=true&severity=${'x'.repeat(3000)}`,
];

describe('garbage on every route', () => {
  it('gets the error shape and never a 500, with and without a token', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(16);
    for (const { method, path } of routes) {
      const paths = path.includes('{') ? GARBAGE_IDS.map((id) => path.replace(/\{[^}]+\}/g, id)) : [path];
      for (const p of paths) {
        // Logging out with a valid token would end the session the rest of the loop uses.
        const tokens = path === '/api/auth/logout' ? [undefined] : [w.tokens.admin, w.tokens.opA1, undefined];
        for (const token of tokens) {
          for (const q of method === 'GET' ? GARBAGE_QUERIES : ['']) {
            const res = await t.call(method, p + q, { token });
            expectErrorShape(res, `${method} ${p}${q}`);
          }
          if (method !== 'GET') {
            for (const g of GARBAGE_BODIES) {
              const res = await t.call(method, p, { token, raw: g.raw, headers: { 'content-type': 'application/json' } });
              expectErrorShape(res, `${method} ${p} with ${g.label}`);
            }
          }
        }
      }
    }
  });
});
