/** `mgkit login`, `mgkit logout`, `mgkit status`. */
import { parseArgs } from 'node:util';
import { usageFromParseArgs } from '../argv.js';
import { CLOUDS, type CloudName, defaultScope } from '../clouds.js';
import { AuthError, ExitCode, UsageError } from '../errors.js';
import { GLOBAL_OPTIONS, resolveGlobals } from '../globals.js';
import { printResult } from '../output.js';
import { registerSecret } from '../redact.js';
import { type AuthState, type LoginMethod, DEFAULT_PUBLIC_CLIENT_ID, authFile, clearAuthState, readAuthState, writeAuthState } from './store.js';
import { io } from '../io.js';

export interface AuthCommandContext {
  readonly bin: string;
  readonly defaultBaseUrl: string;
  /** Delegated permissions the commands need: a user sign-in's default scopes. */
  readonly delegatedScopes: readonly string[];
}

const METHOD_FLAGS: readonly [string, LoginMethod][] = [
  ['device-code', 'device-code'],
  ['browser', 'browser'],
  ['client-secret', 'client-secret'],
  ['certificate', 'certificate'],
  ['managed-identity', 'managed-identity'],
  ['environment', 'environment'],
  ['azure-cli', 'azure-cli'],
];

const LOGIN_HELP = `Usage: mgkit login [--device-code | --browser | --client-secret | --certificate <pem> | --managed-identity | --environment | --azure-cli]
                   [--tenant <id>] [--client-id <id>] [--scopes <scope>...] [--cloud <name>] [--authority-host <url>]

Signs in with @azure/identity and caches the token (0600 file under $XDG_CONFIG_HOME/mgkit).
  --device-code        (default) a code to enter at the device login page, for a user
  --browser            the system browser, for a user
  --client-secret      an app's secret, read from MGKIT_CLIENT_SECRET or AZURE_CLIENT_SECRET, else asked for
                       (hidden) or read from piped stdin; never a flag value. Needs --tenant and --client-id.
  --certificate <pem>  an app's certificate (PEM with the private key). Needs --tenant and --client-id.
  --managed-identity   the machine's managed identity (--client-id for a user-assigned one)
  --environment        AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET / AZURE_CLIENT_CERTIFICATE_PATH / ...
  --azure-cli          the Azure CLI's sign-in
  --scopes             scopes to request (default: for a user, the delegated permissions the commands need;
                       for an app, the Graph resource's .default)
  --authority-host     the Entra authority (default: the cloud's; a custom host skips instance discovery)
  --debug              trace the sign-in's HTTP calls to the authority on stderr (secrets, codes and tokens
                       masked); managed identity and Azure CLI sign-ins have no trace`;

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(argv: readonly string[], extra: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>, command: string): Values {
  const options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']> = { ...extra };
  for (const global of GLOBAL_OPTIONS) options[global.name] = { type: global.type, ...(global.short !== undefined && { short: global.short }) };
  // a secret given as a flag value is refused without echoing it (`--client-secret=…` or `--client-secret …`)
  const secretFlag = argv.findIndex((token) => token === '--client-secret' || token.startsWith('--client-secret='));
  const secretValue = argv[secretFlag]?.includes('=') || (argv[secretFlag + 1] !== undefined && !(argv[secretFlag + 1] as string).startsWith('-'));
  if (secretFlag >= 0 && secretValue) {
    throw new UsageError('--client-secret takes no value: the secret is read from MGKIT_CLIENT_SECRET / AZURE_CLIENT_SECRET or asked for, never passed as a flag');
  }
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    throw usageFromParseArgs(error, Object.keys(options), `see 'mgkit ${command} --help'`);
  }
}

/**
 * Whether a browser can be opened: on Linux only with a display or a $BROWSER command
 * (xdg-open's fallback); without either the sign-in would wait for a redirect that never comes.
 */
function canOpenBrowser(): boolean {
  if (io().platform !== 'linux') return true;
  return Boolean(io().env['DISPLAY'] || io().env['WAYLAND_DISPLAY'] || io().env['BROWSER']);
}

async function readHiddenLine(prompt: string): Promise<string> {
  if (!io().stdin.isTTY) {
    // a pipe may deliver its line late (`(sleep 1; echo …) | mgkit login …`): read it as a stream
    let text = '';
    io().stdin.setEncoding('utf8');
    for await (const chunk of io().stdin) {
      text += String(chunk);
      if (text.includes('\n')) break;
    }
    return (text.split(/\r?\n/)[0] ?? '').trim();
  }
  return new Promise((resolve) => {
    const stdin = io().stdin as NodeJS.ReadStream;
    let value = '';
    // no echo before the prompt shows: keys typed from here on never reach the screen
    stdin.setRawMode(true);
    io().stderr.write(prompt);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          io().stderr.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') process.exit(ExitCode.interrupted);
        if (char === '\u007f') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * `--scopes`, else for a user the delegated permissions the commands need, else (app-only
 * sign-ins, or no permissions file) the Graph resource's `.default`.
 */
function scopesFrom(values: Values, cloud: CloudName, user: boolean, delegated: readonly string[]): string[] {
  const raw = values['scopes'];
  let list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((entry) => String(entry).split(/[\s,]+/)).filter(Boolean);
  if (list.length === 0 && user) list = [...delegated];
  if (list.length === 0) return [defaultScope(cloud)];
  return list.map((scope) => (scope.includes('://') || scope === 'offline_access' || scope === 'openid' ? scope : `${CLOUDS[cloud].graph}/${scope}`));
}

function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function accountOf(claims: Record<string, unknown> | undefined): string | undefined {
  const value = claims?.['upn'] ?? claims?.['preferred_username'] ?? claims?.['unique_name'] ?? claims?.['app_displayname'] ?? claims?.['appid'] ?? claims?.['azp'];
  return typeof value === 'string' ? value : undefined;
}

/**
 * MSAL reports an unknown tenant only as `endpoints_resolution_error`; ask the authority's
 * metadata endpoint for its reason (AADSTS90002 …) to say what is wrong.
 */
/** What the identity library says when it cannot reach the authority at all. */
const UNREACHABLE = /network_error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|fetch failed/;

/** The host, the transport's reason, and the options that choose another authority (MSAL's own message is a bare `network_error` link). */
function unreachableAuthority(state: AuthState, message: string): AuthError {
  const host = new URL(state.authorityHost ?? CLOUDS[state.cloud].authority).host;
  const code = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/.exec(message)?.[1];
  return new AuthError(
    `sign-in failed: cannot reach the authority ${host}${code ? ` (${code})` : ''}; check the network and proxy, or pick the cloud with --cloud <${Object.keys(CLOUDS).join('|')}> or the authority with --authority-host <url>`,
  );
}

async function tenantFailure(state: AuthState): Promise<AuthError> {
  const host = state.authorityHost ?? CLOUDS[state.cloud].authority;
  const tenant = state.tenantId ?? 'organizations';
  let reason = '';
  try {
    const response = await fetch(`${host}/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as { error_description?: string };
    reason = (body.error_description ?? '').split(/(?<=\.)\s/)[0] ?? '';
  } catch (error) {
    // not there at all: say so; otherwise keep the generic message
    const { message, cause } = error as { message?: string; cause?: { code?: string } };
    const said = `${message ?? ''} ${cause?.code ?? ''}`;
    if (UNREACHABLE.test(said)) return unreachableAuthority(state, said);
  }
  return new AuthError(
    `sign-in failed: ${reason || `the authority ${host}/${tenant} could not be resolved`} (check --tenant '${tenant}'${state.authorityHost ? ' and --authority-host' : ' and --cloud'})`,
  );
}

async function login(argv: readonly string[], context: AuthCommandContext): Promise<number> {
  const values = parse(
    argv,
    {
      ...Object.fromEntries(METHOD_FLAGS.filter(([flag]) => flag !== 'certificate').map(([flag]) => [flag, { type: 'boolean' as const }])),
      certificate: { type: 'string' },
      tenant: { type: 'string' },
      'client-id': { type: 'string' },
      scopes: { type: 'string', multiple: true },
      'authority-host': { type: 'string' },
    },
    'login',
  );
  if (values['help']) {
    io().stdout.write(`${LOGIN_HELP}\n`);
    return ExitCode.ok;
  }
  const globals = resolveGlobals(values, context.defaultBaseUrl);
  const chosen = METHOD_FLAGS.filter(([flag]) => values[flag] !== undefined && values[flag] !== false);
  if (chosen.length > 1) throw new UsageError(`choose one sign-in method, not ${chosen.map(([flag]) => `--${flag}`).join(' and ')}`);
  const method: LoginMethod = chosen[0]?.[1] ?? 'device-code';
  const tenant = values['tenant'] as string | undefined;
  const clientId = values['client-id'] as string | undefined;
  if ((method === 'client-secret' || method === 'certificate') && (!tenant || !clientId)) {
    throw new UsageError(`--${method} needs --tenant and --client-id`);
  }
  const authorityHostOption = (values['authority-host'] as string | undefined) ?? io().env['MGKIT_AUTHORITY_HOST'];
  let authorityHost: string | undefined;
  if (authorityHostOption) {
    try {
      authorityHost = new URL(authorityHostOption).origin;
    } catch {
      throw new UsageError(`--authority-host: '${authorityHostOption}' is not a URL`);
    }
  } else if (globals.cloud !== 'Global') authorityHost = CLOUDS[globals.cloud].authority;
  const knownHosts: string[] = Object.values(CLOUDS).map((cloud) => cloud.authority);
  if (method === 'browser' && !canOpenBrowser()) {
    throw new UsageError(
      '--browser needs a display (or a $BROWSER command) to open a browser; in CI use --client-secret, --certificate, --managed-identity or --environment, or --device-code to sign in from another device',
    );
  }
  const scopes = scopesFrom(values, globals.cloud, method === 'device-code' || method === 'browser', context.delegatedScopes);
  let secret: string | undefined;
  const { clientSecretFromEnv, credentialFor, authFailure } = await import('./credentials.js');
  if (method === 'client-secret') {
    secret = clientSecretFromEnv() ?? (await readHiddenLine('Client secret: '));
    if (!secret) throw new UsageError('no client secret: set MGKIT_CLIENT_SECRET (or AZURE_CLIENT_SECRET), or type it at the prompt');
    registerSecret(secret);
  }
  const certificate = values['certificate'] as string | undefined;
  if (certificate !== undefined && !(await import('node:fs')).existsSync(certificate)) {
    throw new UsageError(`--certificate ${certificate}: no such file; pass the PEM file that holds the certificate and its private key`);
  }
  let state: AuthState = {
    version: 1,
    method,
    cloud: globals.cloud,
    ...(tenant !== undefined && { tenantId: tenant }),
    ...(clientId !== undefined && { clientId }),
    ...(authorityHost !== undefined && { authorityHost }),
    ...(authorityHost !== undefined && !knownHosts.includes(authorityHost) && { disableInstanceDiscovery: true }),
    ...(certificate !== undefined && { certificatePath: (await import('node:path')).resolve(certificate) }),
    scopes,
  };
  const credential = credentialFor(state, { interactive: true, debug: globals.debug, ...(secret !== undefined && { secret }) });
  try {
    if (method === 'device-code' || method === 'browser') {
      const { serializeAuthenticationRecord } = await import('@azure/identity');
      const authenticate = (credential as unknown as { authenticate(scopes: string[]): Promise<unknown> }).authenticate.bind(credential);
      const record = await authenticate([...scopes]);
      if (record) {
        const typed = record as Parameters<typeof serializeAuthenticationRecord>[0];
        state = { ...state, authenticationRecord: serializeAuthenticationRecord(typed), account: typed.username, tenantId: typed.tenantId };
      }
    }
    const token = await credential.getToken([...scopes]);
    if (!token) throw new AuthError('the identity service returned no token');
    registerSecret(token.token);
    const claims = jwtClaims(token.token);
    const account = state.account ?? accountOf(claims);
    const tid = typeof claims?.['tid'] === 'string' ? (claims['tid'] as string) : state.tenantId;
    state = { ...state, ...(account !== undefined && { account }), ...(tid !== undefined && { tenantId: tid }), accessToken: token.token, expiresOn: token.expiresOnTimestamp };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (UNREACHABLE.test(message)) throw unreachableAuthority(state, message);
    if (/endpoints_resolution_error/.test(message)) throw await tenantFailure(state);
    throw authFailure('sign-in failed', error);
  }
  writeAuthState(state);
  io().stderr.write(`Signed in${state.account ? ` as ${state.account}` : ''}${state.tenantId ? ` (tenant ${state.tenantId})` : ''} with ${method}.\n`);
  return ExitCode.ok;
}

const STATUS_HELP = `Usage: mgkit status [-o json|yaml|table|tsv|none] [--query <jmespath>]

Shows who the next call runs as: MGKIT_ACCESS_TOKEN's claims when it is set, else the cached
sign-in (method, account, tenant, client id, cloud, scopes, token expiry). Never the token.
Exit 4 when there is no sign-in.`;

const LOGOUT_HELP = `Usage: mgkit logout

Removes the cached sign-in and every token cache file under $XDG_CONFIG_HOME/mgkit.`;

async function status(argv: readonly string[], context: AuthCommandContext): Promise<number> {
  const values = parse(argv, {}, 'status');
  if (values['help']) {
    io().stdout.write(`${STATUS_HELP}\n`);
    return ExitCode.ok;
  }
  const globals = resolveGlobals(values, context.defaultBaseUrl);
  const fromEnv = io()
    .env['MGKIT_ACCESS_TOKEN']?.trim()
    .replace(/^Bearer\s+/i, '');
  let report: Record<string, unknown>;
  if (fromEnv) {
    registerSecret(fromEnv);
    const claims = jwtClaims(fromEnv);
    const scopes = typeof claims?.['scp'] === 'string' ? claims['scp'].split(' ') : Array.isArray(claims?.['roles']) ? claims['roles'] : [];
    const exp = typeof claims?.['exp'] === 'number' ? claims['exp'] * 1000 : undefined;
    report = {
      source: 'MGKIT_ACCESS_TOKEN',
      account: accountOf(claims) ?? null,
      tenant: claims?.['tid'] ?? null,
      scopes,
      expiresOn: exp !== undefined ? new Date(exp).toISOString() : null,
      expired: exp !== undefined ? exp <= Date.now() : null,
    };
  } else {
    const state = readAuthState();
    if (!state) throw new AuthError("not signed in: run 'mgkit login', or set MGKIT_ACCESS_TOKEN");
    report = {
      source: authFile(),
      method: state.method,
      account: state.account ?? null,
      tenant: state.tenantId ?? null,
      // the client id this sign-in used: for device code and browser without --client-id, the public client's
      clientId: state.clientId ?? (state.method === 'device-code' || state.method === 'browser' ? DEFAULT_PUBLIC_CLIENT_ID : null),
      cloud: state.cloud,
      scopes: state.scopes,
      expiresOn: state.expiresOn !== undefined ? new Date(state.expiresOn).toISOString() : null,
      expired: state.expiresOn !== undefined ? state.expiresOn <= Date.now() : null,
    };
  }
  await printResult(report, globals.output, globals.query, globals.color);
  return ExitCode.ok;
}

export async function runAuthCommand(name: 'login' | 'logout' | 'status', argv: readonly string[], context: AuthCommandContext): Promise<number> {
  if (name === 'login') return login(argv, context);
  if (name === 'status') return status(argv, context);
  if (parse(argv, {}, 'logout')['help']) {
    io().stdout.write(`${LOGOUT_HELP}\n`);
    return ExitCode.ok;
  }
  const removed = clearAuthState();
  io().stderr.write(removed ? 'Signed out; cached tokens removed.\n' : 'Not signed in.\n');
  return ExitCode.ok;
}
