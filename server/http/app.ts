/**
 * The HTTP application: middleware installed once (security headers, body
 * limit, compression, the one error handler), then the API routes, the
 * OpenAPI document and the built PWA. `createApp` takes its services, so
 * tests build the same app on a fresh database.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { LIMITS, fieldIssues } from '../../shared/schemas/common';
import { ApiError } from '../domain/errors';
import type { Services } from '../domain/services';
import { errorBody, respondError, toApiError } from './errors';
import type { AppEnv } from './env';
import { adminRoutes } from './routes/admin';
import { attachmentRoutes } from './routes/attachments';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { digestRoutes } from './routes/digest';
import { healthRoutes } from './routes/health';
import { planRoutes } from './routes/plans';
import { readRoutes } from './routes/reads';
import { reportRoutes } from './routes/reports';
import { syncRoutes } from './routes/sync';
import { staticApp, type StaticOptions } from './static';

export interface AppOptions {
  /** Serve the built PWA from this directory (absent in API-only tests). */
  static?: StaticOptions;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
}

export function createApp(s: Services, opts: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = fieldIssues(result.error);
        const first = details[0];
        const message = first ? `invalid request: ${first.path} — ${first.message}` : 'invalid request';
        return c.json(errorBody('invalid_request', message, details), 400);
      }
    },
  });

  app.use('*', async (c, next) => {
    c.set('services', s);
    c.set('clientIp', clientIp(c.req.raw.headers, c.env, opts.trustProxy ?? false));
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Vue and Vant set style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'blob:', 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
      xFrameOptions: 'DENY',
      referrerPolicy: 'same-origin',
      strictTransportSecurity: 'max-age=15552000',
      permissionsPolicy: { camera: ['self'], geolocation: ['self'], microphone: [] },
    }),
  );
  app.use('*', compress());
  const jsonLimit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (ctx) => respondError(ctx, new ApiError('payload_too_large', `request body over ${maxSize / 1024 / 1024} MB`)),
    });
  const pushLimit = jsonLimit(LIMITS.pushBytes);
  const otherLimit = jsonLimit(LIMITS.bodyBytes);
  app.use('/api/*', async (c, next) => {
    // Attachments carry their own 10 MB limit; a sync push may be up to 8 MB; everything else is JSON up to 2 MB.
    if (c.req.path.startsWith('/api/attachments/')) return next();
    return (c.req.path === '/api/sync/push' ? pushLimit : otherLimit)(c, next);
  });

  app.route('/', healthRoutes());
  app.route('/', authRoutes());
  app.route('/', readRoutes());
  app.route('/', adminRoutes());
  app.route('/', auditRoutes());
  app.route('/', syncRoutes());
  app.route('/', attachmentRoutes());
  app.route('/', reportRoutes());
  app.route('/', planRoutes());
  app.route('/', digestRoutes());

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'ParkCheck API',
      version: s.version,
      description: 'ParkCheck (园检): inspections and rectification for small and micro enterprise parks.',
    },
    security: [{ bearer: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  app.all('/api/*', (c) => respondError(c, new ApiError('not_found', `no route ${c.req.method} ${c.req.path}`)));
  if (opts.static) app.route('/', staticApp(opts.static));
  app.notFound((c) => respondError(c, new ApiError('not_found', 'not found')));
  app.onError((err, c) => respondError(c, toApiError(err)));
  return app;
}

export type App = ReturnType<typeof createApp>;

function clientIp(headers: Headers, env: unknown, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}
