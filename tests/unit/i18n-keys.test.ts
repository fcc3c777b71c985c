/**
 * Messages looked up by a computed key — a mutation's type, an error code,
 * a status — exist in both languages for every value the key can take, so a
 * user never sees a raw key such as "sync.type.finding.verify".
 */
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../shared/errors';
import { MUTATION_TYPES } from '../../shared/schemas/sync';
import * as sync from '../../app/i18n/areas/sync';

const at = (messages: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), messages);

const REFUSALS = ['forbidden', 'not_found', 'invalid_request', 'invalid_transition', 'conflict'] as const;

describe('messages by computed key', () => {
  for (const [lang, messages] of [['zh-CN', sync.zh], ['en', sync.en]] as const) {
    it(`${lang}: every mutation type has a name on the sync page`, () => {
      for (const type of MUTATION_TYPES) expect(at(messages, `type.${type}`), type).toEqual(expect.any(String));
    });

    it(`${lang}: every reason the server can refuse a mutation for is explained`, () => {
      for (const code of REFUSALS) {
        expect(code in ERROR_STATUS).toBe(true);
        expect(at(messages, `why.${code}`), code).toEqual(expect.any(String));
      }
    });
  }
});
