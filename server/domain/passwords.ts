/**
 * Password hashes: scrypt (node:crypto), salted, deliberately slow (~0.1 s
 * and 32 MiB each), run off the event loop. The stored form names its
 * parameters, so they can be raised later without breaking old hashes.
 *
 * At most two hashes run at once, in a short queue of their own: libuv's
 * four threads also serve compression and file reads, and a login flood
 * must not take them from everyone else (API.md "Hardening").
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Gate } from './gate';

export const HASHING = { concurrency: 2, queue: 32 } as const;
const hashing = new Gate(HASHING.concurrency, HASHING.queue, 'too many logins at once; try again in a moment');

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return hashing.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password, salt, keyLength, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scryptAsync(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of a random password, to verify against when the username does not
 * exist: the answer then takes as long as for a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex')).catch((err: unknown) => {
    // Refused by a full queue: the next login makes it again.
    decoy = undefined;
    throw err;
  });
  return decoy;
}
