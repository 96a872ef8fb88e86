/**
 * Where sign-in state lives: `$XDG_CONFIG_HOME/mgkit` (or `~/.config/mgkit`), files created
 * 0600 in a 0700 folder. No OS keychain is reachable here, so the cache is a file; the first
 * write says so once.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CloudName } from '../clouds.js';
import { io } from '../io.js';

/** The Microsoft Graph Command Line Tools public client, as Microsoft's Graph CLI and PowerShell use. */
export const DEFAULT_PUBLIC_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

export type LoginMethod = 'device-code' | 'browser' | 'client-secret' | 'certificate' | 'managed-identity' | 'environment' | 'azure-cli';

export interface AuthState {
  readonly version: 1;
  readonly method: LoginMethod;
  readonly cloud: CloudName;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly authorityHost?: string;
  readonly disableInstanceDiscovery?: boolean;
  readonly certificatePath?: string;
  readonly scopes: readonly string[];
  readonly account?: string;
  /** `serializeAuthenticationRecord` output, for silent refresh of user sign-ins. */
  readonly authenticationRecord?: string;
  readonly accessToken?: string;
  /** Epoch milliseconds. */
  readonly expiresOn?: number;
}

export function configDir(): string {
  const base = io().env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
  return join(base, 'mgkit');
}

export function authFile(): string {
  return join(configDir(), 'auth.json');
}

export function msalCacheFile(name: string): string {
  return join(configDir(), `msal-cache.${name.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

function ensureDir(): void {
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
}

/** Writes a private file atomically (0600). */
export function writePrivateFile(file: string, contents: string): void {
  ensureDir();
  const notice = join(configDir(), '.cache-notice-shown');
  if (!existsSync(notice)) {
    io().stderr.write(`note: tokens are cached in ${configDir()} (files readable only by you; no OS keychain is available here). 'mgkit logout' removes them.\n`);
    writeFileSync(notice, '', { mode: 0o600 });
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

export function readAuthState(): AuthState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(authFile(), 'utf8')) as AuthState;
    return parsed.version === 1 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeAuthState(state: AuthState): void {
  writePrivateFile(authFile(), `${JSON.stringify(state, null, 2)}\n`);
}

export function readPrivateFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Removes the sign-in and every token cache file; true when something was there. */
export function clearAuthState(): boolean {
  let removed = false;
  let caches: string[] = [];
  try {
    caches = readdirSync(configDir())
      .filter((name) => name.startsWith('msal-cache.'))
      .map((name) => join(configDir(), name));
  } catch {
    // no folder: nothing cached
  }
  for (const file of [authFile(), ...caches]) {
    if (existsSync(file)) {
      rmSync(file, { force: true });
      removed = true;
    }
  }
  return removed;
}
