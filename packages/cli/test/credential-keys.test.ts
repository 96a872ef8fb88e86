/** Every key of Graph's synchronizationSecret is classified, once; the classification decides what --what-if masks. */
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_KEY_KINDS, credentialValueIsShown } from '@mgkit/cli-contract';
import { SCHEMAS } from '../src/generated/schemas.js';

const keys = (SCHEMAS['SynchronizationSecret']?.enum ?? []) as string[];
const classified = Object.values(CREDENTIAL_KEY_KINDS).flat() as string[];

describe('credential keys: secret or shown', () => {
  it('classifies each of the 45 keys of the description exactly once', () => {
    expect(keys).toHaveLength(45);
    expect([...classified].sort()).toEqual([...keys].sort());
    expect(new Set(classified).size).toBe(classified.length);
  });

  it.each(keys)('%s', (key) => {
    const secret = (CREDENTIAL_KEY_KINDS.secret as readonly string[]).includes(key);
    expect(credentialValueIsShown({ key, value: 'x' })).toBe(!secret);
    // a name that ends like a secret is never shown (Oauth2AccessTokenCreationTime is a time)
    if (/(password|secret|token|appkey|connectionstring|authorizationcode)$/i.test(key)) expect(secret).toBe(true);
  });

  it('treats a key it does not know as a secret', () => {
    expect(credentialValueIsShown({ key: 'SomeFutureKey', value: 'x' })).toBe(false);
    expect(credentialValueIsShown({ value: 'x' })).toBe(false);
  });
});
