/** Small real images for upload tests, and JPEG-shaped bytes of any size. */
import { createHash, randomBytes } from 'node:crypto';

export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG_1PX = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////' +
    '////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
export const WEBP_1PX = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

/** JPEG magic, incompressible body, end marker: what a camera photo looks like to the server. */
export function jpegOfSize(bytes: number): Buffer {
  const b = randomBytes(bytes);
  b.set([0xff, 0xd8, 0xff, 0xe0], 0);
  b.set([0xff, 0xd9], bytes - 2);
  return b;
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
