/**
 * The phone's one request client: what it sends, and what every failure
 * becomes — the API's error shape as a typed ApiError, no answer (offline,
 * too slow, a connection that breaks mid-answer) as a NetworkError, a
 * refused token reported to the session once — and the words a user sees
 * for each, in their language.
 */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, createClient, NetworkError, type ClientOptions } from '../../app/api/client';
import { errorCode, errorMessage } from '../../app/api/error-message';
import * as sync from '../../app/i18n/areas/sync';
import zhCN from '../../app/i18n/zh-CN';

type Call = { url: string; init: RequestInit };

/** A client whose server is `answer`; it records what was sent. */
function clientWith(answer: (call: Call) => Response | Promise<Response>, options: Partial<ClientOptions> = {}) {
  const calls: Call[] = [];
  const onUnauthenticated = vi.fn();
  const client = createClient({
    baseUrl: 'https://parkcheck.test',
    token: () => 'token-1',
    onUnauthenticated,
    fetch: async (input, init = {}) => {
      const call = { url: String(input), init };
      calls.push(call);
      return answer(call);
    },
    ...options,
  });
  return { client, calls, onUnauthenticated };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const errorBody = (code: string, message: string, details?: unknown) => ({ error: { code, message, ...(details ? { details } : {}) } });

/** Never answers; fails when the request is aborted, as fetch does. */
const silent = ({ init }: Call) =>
  new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason), { once: true }));

/** t() over the Chinese messages the app ships, as vue-i18n would look them up. */
const messages = { ...zhCN, sync: sync.zh } as Record<string, unknown>;
const t = (key: string, named: Record<string, unknown> = {}) => {
  const text = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], messages);
  if (typeof text !== 'string') return key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(named[name]));
};

describe('a request', () => {
  it('sends the session’s token, the query and a JSON body, and answers the parsed JSON', async () => {
    const { client, calls } = clientWith(() => json(200, { id: 'a1', n: 2 }));
    const answer = await client.request('POST', '/api/things', {
      query: { cursor: 'c1', limit: 50, skipped: undefined, none: null },
      body: { name: '配电箱' },
      schema: z.object({ id: z.string(), n: z.number() }),
    });
    expect(answer).toEqual({ id: 'a1', n: 2 });
    expect(calls[0]!.url).toBe('https://parkcheck.test/api/things?cursor=c1&limit=50');
    expect(calls[0]!.init.headers).toMatchObject({ Authorization: 'Bearer token-1', 'Content-Type': 'application/json' });
    expect(JSON.parse(await (calls[0]!.init.body as Blob).text())).toEqual({ name: '配电箱' });
  });

  it('sends no token when asked not to (logging in)', async () => {
    const { client, calls } = clientWith(() => json(200, {}));
    await client.request('POST', '/api/auth/login', { body: {}, auth: false });
    expect(calls[0]!.init.headers).not.toHaveProperty('Authorization');
  });

  it('turns an answer that does not match the schema into unexpected_response, not bad data', async () => {
    const { client } = clientWith(() => json(200, { id: 42 }));
    const failure = await client.request('GET', '/api/things/1', { schema: z.object({ id: z.string() }) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 200, code: 'unexpected_response' });
  });
});

describe('the API’s error shape', () => {
  it('becomes an ApiError with the server’s code, message and details', async () => {
    const details = [{ path: 'name', message: 'Too small' }];
    const { client } = clientWith(() => json(400, errorBody('invalid_request', 'invalid request', details)));
    const failure = await client.request('POST', '/api/admin/regions', { body: {} }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'invalid_request', message: 'invalid request', details });
  });

  it('is named by the status when the answer has none (a proxy’s error page)', async () => {
    const { client } = clientWith(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(await client.request('GET', '/api/me').catch((e: unknown) => e)).toMatchObject({ status: 502, code: 'internal' });
    const notFound = clientWith(() => new Response('', { status: 404 })).client;
    expect(await notFound.request('GET', '/api/findings/x').catch((e: unknown) => e)).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('a refused token', () => {
  it('is reported to the session once, with the token that was refused — also for a file or a sync page', async () => {
    const { client, onUnauthenticated } = clientWith(() => json(401, errorBody('unauthenticated', 'token revoked')));
    await expect(client.request('GET', '/api/sync/pull', { timeout: 'sync' })).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    await expect(client.send('GET', '/api/attachments/p1', { timeout: 'file', read: (r) => r.arrayBuffer() })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated.mock.calls).toEqual([['token-1'], ['token-1']]);
  });

  it('is not a wrong password: a failed login ends no session', async () => {
    const { client, onUnauthenticated } = clientWith(() => json(401, errorBody('invalid_credentials', 'wrong username or password')));
    await expect(client.request('POST', '/api/auth/login', { body: {}, auth: false })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('ends nothing when the request carried no token', async () => {
    const { client, onUnauthenticated } = clientWith(() => json(401, errorBody('unauthenticated', 'no token')), { token: () => null });
    await expect(client.request('GET', '/api/me')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});

describe('no answer', () => {
  it('offline: a NetworkError, so callers keep working from the phone', async () => {
    const { client } = clientWith(() => Promise.reject(new TypeError('fetch failed')));
    const failure = await client.request('GET', '/api/me').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NetworkError);
    expect(failure).toMatchObject({ reason: 'offline' });
  });

  it('too slow: a NetworkError once the request’s kind of timeout has passed', async () => {
    const { client } = clientWith(silent, { timeouts: { answer: 30, sync: 5_000 } });
    const started = Date.now();
    expect(await client.request('GET', '/api/me').catch((e: unknown) => e)).toMatchObject({ name: 'NetworkError', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a connection that breaks while the answer arrives is no answer either', async () => {
    const broken = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"results": ['));
        controller.error(new TypeError('terminated'));
      },
    });
    const { client } = clientWith(() => new Response(broken, { status: 200 }));
    expect(await client.request('POST', '/api/sync/push', { body: {}, timeout: 'sync' }).catch((e: unknown) => e)).toMatchObject({
      name: 'NetworkError',
      reason: 'offline',
    });
  });

  it('is not a failure when the caller gave up (a newer search): their abort comes back as it is', async () => {
    const { client } = clientWith(silent);
    const caller = new AbortController();
    const asked = client.request('GET', '/api/admin/enterprises', { signal: caller.signal });
    caller.abort(new DOMException('superseded', 'AbortError'));
    expect(await asked.catch((e: unknown) => e)).toMatchObject({ name: 'AbortError' });
  });
});

describe('what the user reads', () => {
  it('says what went wrong in the UI language, with the field the server named', async () => {
    expect(errorMessage(new NetworkError('GET /api/me failed', 'offline'), t)).toBe('网络不可用，请检查网络后重试');
    expect(errorMessage(new ApiError(403, 'forbidden', 'role may not do this'), t)).toBe('没有权限执行此操作');
    expect(errorMessage(new ApiError(400, 'invalid_request', 'invalid', [{ path: 'username', message: 'Too small' }]), t)).toBe(
      '提交的数据有误（username: Too small）',
    );
    expect(errorMessage(new Error('something else'), t)).toBe('出现未知错误，请稍后再试');
  });

  it('words a change the server refused during a sync by its reason, never in the server’s English', () => {
    const refused = { code: 'invalid_transition' as const, message: 'cannot verify a finding that is open' };
    expect(errorMessage(refused, t)).toBe(sync.zh.why.invalid_transition);
    expect(errorMessage(refused, t)).not.toContain('cannot');
    expect(errorCode(refused)).toBe('invalid_transition');
    expect(errorCode(new ApiError(401, 'invalid_credentials', 'wrong'))).toBe('invalid_credentials');
    expect(errorCode(new NetworkError('x', 'timeout'))).toBe('network');
  });

  it('words why the last sync did not finish, never the engine’s technical detail', () => {
    expect(errorMessage({ code: 'network', message: 'timeout: POST /api/sync/push timed out' }, t)).toBe('网络不可用，请检查网络后重试');
    expect(errorMessage({ code: 'internal', message: '500 boom' }, t)).toBe('服务器出错，请稍后再试');
    expect(errorMessage({ code: 'unknown', message: 'the server keeps answering reset' }, t)).toBe('出现未知错误，请稍后再试');
  });
});
