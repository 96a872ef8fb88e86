/**
 * Which values of key/value credentials (`--credentials Key=Value`, the 45 keys of Graph's
 * `synchronizationSecret`) are secrets. `--what-if`, `--debug` and error lines mask a secret's
 * value and show the others, so that an admin can check the endpoint and the account before
 * sending; the docs' examples give the shown ones a sample value and read the secrets from a
 * file. A key not listed here is treated as a secret: new keys fail safe.
 */
export const CREDENTIAL_KEY_KINDS = {
  /** Masked: passwords, tokens, keys, client secrets, connection strings. */
  secret: [
    'Password',
    'SecretToken',
    'AppKey',
    'ClientSecret',
    'ConsumerSecret',
    'TokenKey',
    'Oauth2AccessToken',
    'Oauth2RefreshToken',
    'Oauth2ClientSecret',
    'Oauth2AuthorizationCode',
    'ConnectionString',
    'SyncAgentCompatibilityKey',
  ],
  /** Shown: where the request goes. */
  endpoint: ['BaseAddress', 'Url', 'Server', 'Domain', 'InstanceName', 'SandboxName', 'Oauth2RedirectUri', 'Oauth2TokenExchangeUri', 'Oauth2AuthorizationUri', 'SyncAgentADContainer'],
  /** Shown: who signs in (names and ids, not their secrets). */
  identity: ['UserName', 'ClientIdentifier', 'ConsumerKey', 'Oauth2ClientId', 'CompanyId', 'ApplicationTemplateIdentifier'],
  /** Shown: switches and settings. */
  setting: [
    'None',
    'SingleSignOnType',
    'Sandbox',
    'TokenExpiration',
    'Oauth2AccessTokenCreationTime',
    'SyncAll',
    'UpdateKeyOnSoftDelete',
    'SynchronizationSchedule',
    'SystemOfRecord',
    'EnforceDomain',
    'SyncNotificationSettings',
    'SkipOutOfScopeDeletions',
    'AuthenticationType',
    'PerformInboundEntitlementGrants',
    'HardDeletesEnabled',
    'ValidateDomain',
    'TestReferences',
  ],
} as const;

const SHOWN = new Set([...CREDENTIAL_KEY_KINDS.endpoint, ...CREDENTIAL_KEY_KINDS.identity, ...CREDENTIAL_KEY_KINDS.setting].map((key) => key.toLowerCase()));

/** Whether a `{ key, value }` credential's value may be shown: its key is an endpoint, identity or setting. */
export function credentialValueIsShown(pair: Readonly<Record<string, unknown>>): boolean {
  const key = pair['key'];
  return typeof key === 'string' && SHOWN.has(key.toLowerCase());
}
