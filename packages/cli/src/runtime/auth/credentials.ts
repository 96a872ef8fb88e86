/**
 * `@azure/identity` credentials for each sign-in method. Loaded only to sign in or refresh.
 * User sign-ins keep MSAL's token cache (with its refresh token) in a 0600 file through an
 * identity cache plugin, so a later call refreshes silently.
 */
import {
  type AccessToken,
  AzureCliCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  DeviceCodeCredential,
  EnvironmentCredential,
  InteractiveBrowserCredential,
  ManagedIdentityCredential,
  type TokenCredential,
  deserializeAuthenticationRecord,
  useIdentityPlugin,
} from '@azure/identity';
import { AuthError } from '../errors.js';
import { loginTracePolicy } from './login-trace.js';
import { registerSecret, scrubText } from '../redact.js';
import { type AuthState, DEFAULT_PUBLIC_CLIENT_ID, msalCacheFile, readPrivateFile, writePrivateFile } from './store.js';
import { io } from '../io.js';

interface CacheContext {
  readonly cacheHasChanged: boolean;
  readonly tokenCache: { serialize(): string; deserialize(data: string): void };
}

interface PluginContext {
  readonly cachePluginControl: { setPersistence(provider: (options?: { name?: string }) => Promise<unknown>): void };
}

let pluginInstalled = false;

/** Persists MSAL's cache to `msal-cache.<name>.json` (0600). */
function installFileCachePlugin(): void {
  if (pluginInstalled) return;
  pluginInstalled = true;
  useIdentityPlugin((context: unknown) => {
    (context as PluginContext).cachePluginControl.setPersistence(async (options) => {
      const file = msalCacheFile(options?.name ?? 'mgkit');
      return {
        beforeCacheAccess: async (cacheContext: CacheContext) => {
          const data = readPrivateFile(file);
          if (data) cacheContext.tokenCache.deserialize(data);
        },
        afterCacheAccess: async (cacheContext: CacheContext) => {
          if (cacheContext.cacheHasChanged) writePrivateFile(file, cacheContext.tokenCache.serialize());
        },
      };
    });
  });
}

export function clientSecretFromEnv(): string | undefined {
  const secret = io().env['MGKIT_CLIENT_SECRET'] || io().env['AZURE_CLIENT_SECRET'] || undefined;
  registerSecret(secret);
  return secret;
}

export interface CredentialOptions {
  readonly secret?: string;
  readonly onDeviceCode?: (message: string) => void;
  /** Sign-in (may prompt) rather than a silent refresh. */
  readonly interactive: boolean;
  /** `--debug`: trace the identity library's HTTP calls on stderr, secrets masked. */
  readonly debug?: boolean;
}

export function credentialFor(state: AuthState, options: CredentialOptions): TokenCredential {
  const common = {
    ...(state.authorityHost !== undefined && { authorityHost: state.authorityHost }),
    ...(state.disableInstanceDiscovery === true && { disableInstanceDiscovery: true }),
    ...(options.debug === true && { additionalPolicies: [{ policy: loginTracePolicy(), position: 'perRetry' as const }] }),
  };
  const tenantId = state.tenantId ?? 'organizations';
  const clientId = state.clientId ?? DEFAULT_PUBLIC_CLIENT_ID;
  switch (state.method) {
    case 'device-code':
    case 'browser': {
      installFileCachePlugin();
      const userOptions = {
        ...common,
        tenantId,
        clientId,
        tokenCachePersistenceOptions: { enabled: true, name: 'mgkit' },
        disableAutomaticAuthentication: !options.interactive,
        ...(state.authenticationRecord !== undefined && { authenticationRecord: deserializeAuthenticationRecord(state.authenticationRecord) }),
      };
      if (state.method === 'browser') return new InteractiveBrowserCredential({ ...userOptions, redirectUri: 'http://localhost' });
      return new DeviceCodeCredential({
        ...userOptions,
        userPromptCallback: (info) => (options.onDeviceCode ?? ((message: string) => io().stderr.write(`${message}\n`)))(info.message),
      });
    }
    case 'client-secret': {
      const secret = options.secret ?? clientSecretFromEnv();
      if (!secret) {
        throw new AuthError('the cached token expired and no client secret is at hand: set MGKIT_CLIENT_SECRET (or AZURE_CLIENT_SECRET), or run mgkit login again');
      }
      return new ClientSecretCredential(tenantId, clientId, secret, common);
    }
    case 'certificate':
      if (!state.certificatePath) throw new AuthError('no certificate recorded: run mgkit login --certificate <pem> again');
      return new ClientCertificateCredential(tenantId, clientId, { certificatePath: state.certificatePath }, common);
    case 'managed-identity':
      return new ManagedIdentityCredential({ ...(state.clientId !== undefined && { clientId: state.clientId }), ...(options.debug === true && { additionalPolicies: common.additionalPolicies }) });
    case 'environment':
      return new EnvironmentCredential(common);
    case 'azure-cli':
      return new AzureCliCredential(state.tenantId ? { tenantId: state.tenantId } : {});
  }
}

/** One line for whatever the identity library threw: its first line, tokens scrubbed. */
export function authFailure(prefix: string, error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split('\n').find((line) => line.trim()) ?? raw;
  const aadsts = /AADSTS\d+:[^\r\n]*?(?=Trace ID|Correlation ID|Timestamp|$)/.exec(raw)?.[0]?.trim();
  // AADSTS messages run on into " - Trace ID …": no stray dash at the end of the line
  return new AuthError(scrubText(`${prefix}: ${(aadsts ?? firstLine.trim()).replace(/[\s-]+$/, '')}`));
}

export async function acquireSilently(state: AuthState): Promise<AccessToken> {
  let token: AccessToken | null;
  try {
    token = await credentialFor(state, { interactive: false }).getToken([...state.scopes]);
  } catch (error) {
    if ((error as Error).name === 'AuthenticationRequiredError') throw new AuthError("the sign-in expired and cannot be refreshed silently: run 'mgkit login'");
    throw authFailure('token refresh failed', error);
  }
  if (!token) throw new AuthError("no token: run 'mgkit login'");
  return token;
}
