/**
 * The bearer token for a call: `MGKIT_ACCESS_TOKEN`, else the cached sign-in's token while
 * valid, else a silent refresh through `@azure/identity` (loaded only then).
 */
import type { CloudName } from '../clouds.js';
import { AuthError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { readAuthState, writeAuthState } from './store.js';
import { io } from '../io.js';

/** Tokens this close to expiry are refreshed first. */
const EXPIRY_MARGIN_MS = 2 * 60 * 1000;

/**
 * Whether a call would carry credentials, read without the network (for --what-if): a token in
 * MGKIT_ACCESS_TOKEN, or a sign-in to this cloud. `why` says what is missing.
 */
export function signInState(options: { cloud: CloudName }): { readonly signedIn: true } | { readonly signedIn: false; readonly why: string } {
  if (io().env['MGKIT_ACCESS_TOKEN']?.trim()) return { signedIn: true };
  const state = readAuthState();
  if (!state) return { signedIn: false, why: "not signed in: run 'mgkit login', or set MGKIT_ACCESS_TOKEN" };
  if (state.cloud !== options.cloud) return { signedIn: false, why: `signed in to the ${state.cloud} cloud, not ${options.cloud}: run 'mgkit login --cloud ${options.cloud}'` };
  return { signedIn: true };
}

export async function resolveAccessToken(options: { cloud: CloudName }): Promise<string> {
  // a pasted `Bearer …` is the header's value, not the token
  const fromEnv = io()
    .env['MGKIT_ACCESS_TOKEN']?.trim()
    .replace(/^Bearer\s+/i, '');
  if (fromEnv) {
    registerSecret(fromEnv);
    if (/[\u0000-\u001f\u007f\s]/.test(fromEnv)) throw new AuthError('MGKIT_ACCESS_TOKEN holds a space, a line break or another control character; set it to the token alone');
    return fromEnv;
  }
  const state = readAuthState();
  if (!state) throw new AuthError("not signed in: run 'mgkit login', or set MGKIT_ACCESS_TOKEN");
  if (state.cloud !== options.cloud) {
    throw new AuthError(`signed in to the ${state.cloud} cloud, but this call goes to ${options.cloud}: run 'mgkit login --cloud ${options.cloud}'`);
  }
  if (state.accessToken) registerSecret(state.accessToken);
  if (state.accessToken && state.expiresOn !== undefined && state.expiresOn - EXPIRY_MARGIN_MS > Date.now()) return state.accessToken;
  const { acquireSilently } = await import('./credentials.js');
  const token = await acquireSilently(state);
  registerSecret(token.token);
  writeAuthState({ ...state, accessToken: token.token, expiresOn: token.expiresOnTimestamp });
  return token.token;
}
