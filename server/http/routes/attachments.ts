/** Attachments (API.md): photos and signatures, uploaded as raw bytes. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../../shared/schemas/common';
import { IdParam } from '../../../shared/schemas/reads';
import { ATTACHMENT_TYPES, declaredType, getAttachment, putAttachment } from '../../domain/attachments';
import { requireAuth } from '../auth';
import type { AppEnv } from '../env';
import { ApiError } from '../../domain/errors';
import { respondError } from '../errors';
import { errors } from '../openapi';

const Binary = z.string().meta({ format: 'binary' });
const imageContent = Object.fromEntries(ATTACHMENT_TYPES.map((t) => [t, { schema: Binary }]));

const putRoute = createRoute({
  method: 'put',
  path: '/api/attachments/{id}',
  tags: ['attachments'],
  middleware: [
    requireAuth,
    bodyLimit({
      maxSize: LIMITS.attachmentBytes,
      onError: (c) => respondError(c, new ApiError('payload_too_large', 'attachments are limited to 10 MB')),
    }),
  ],
  request: {
    params: IdParam,
    headers: z.object({ 'x-content-sha256': z.string().regex(/^[0-9a-fA-F]{64}$/, 'sha256 of the bytes, in hex') }),
    body: { required: true, content: imageContent },
  },
  responses: {
    201: { description: 'stored' },
    200: { description: 'the same bytes were already stored under this id' },
    ...errors(400, 401, 404, 409, 413, 415, 429),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/attachments/{id}',
  tags: ['attachments'],
  middleware: [requireAuth],
  request: { params: IdParam },
  responses: {
    200: { description: 'the bytes', content: imageContent },
    ...errors(400, 401, 404),
  },
});

export function attachmentRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(putRoute, async (c) => {
      const contentType = declaredType(c.req.header('content-type'));
      if (!contentType) throw new ApiError('unsupported_media_type', `Content-Type must be one of ${ATTACHMENT_TYPES.join(', ')}`);
      const status = await putAttachment(c.get('services'), c.get('actor'), {
        id: c.req.valid('param').id,
        contentType,
        sha256: c.req.valid('header')['x-content-sha256'],
        read: async () => new Uint8Array(await c.req.arrayBuffer()),
      });
      return c.body(null, status);
    })
    .openapi(getRoute, async (c) => {
      const a = await getAttachment(c.get('services'), c.get('actor'), c.req.valid('param').id);
      c.header('Content-Type', a.contentType);
      // An id never changes its bytes: the phone may keep them for good.
      c.header('Cache-Control', 'private, max-age=31536000, immutable');
      c.header('ETag', `"${a.sha256}"`);
      return c.body(a.bytes as Uint8Array<ArrayBuffer>, 200);
    });
}
