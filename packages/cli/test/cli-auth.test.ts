/**
 * `mgkit login` end to end against a fake identity endpoint (HTTPS, self-signed certificate
 * trusted through NODE_EXTRA_CA_CERTS): device code and client secret flows, the token cache
 * file, silent refresh of an expiring token, status, logout and a wrong tenant.
 */
import net from 'node:net';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeIdentity, startFakeIdentity } from './fake-identity.js';
import { type CaptureServer, captured, findLeaks, freshConfigHome, plantSecret, spawnCli, runCliOnTerminal, startCaptureServer } from './helpers.js';

const APP = ['applications', 'synchronization', 'acquire-access-token', 'post'];

let idp: FakeIdentity;
let graph: CaptureServer;

beforeAll(async () => {
  // 60 s tokens: inside MSAL's 5-minute refresh window, so the next use refreshes
  idp = await startFakeIdentity({ accessTokenLifetime: 60 });
  graph = await startCaptureServer();
  // besides the client secret and the issued tokens: the device and authorization codes, the
  // managed identity header and the app certificate's private key must never be printed either
  for (const secret of [idp.clientSecret, 'fake-device-code', 'fake-authorization-code', 'header-secret-0x51']) plantSecret(secret);
  const keyLine = readFileSync(idp.clientCertificateFile, 'utf8')
    .split('\n')
    .find((line) => /^[A-Za-z0-9+/]{40,}$/.test(line));
  if (keyLine) plantSecret(keyLine);
});

afterAll(async () => {
  await idp.close();
  await graph.close();
});

function env(home: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { XDG_CONFIG_HOME: home, NODE_EXTRA_CA_CERTS: idp.caFile, ...extra };
}

function signatureOf(token: string | undefined): string {
  return token?.split('.')[2] ?? '';
}

describe('device code sign-in (the default)', () => {
  const home = freshConfigHome();

  it('prints the device-code message, caches the sign-in in a 0600 file and says so once', async () => {
    const result = await spawnCli(['login', '--tenant', idp.tenant, '--authority-host', idp.authorityHost], { env: env(home) });
    expect(result.stderr).toContain('enter the code FAKE-CODE to authenticate');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Signed in as adele@contoso.example');
    expect(result.stderr).toContain(`tokens are cached in ${join(home, 'mgkit')}`);
    expect(statSync(join(home, 'mgkit', 'auth.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'mgkit')).mode & 0o777).toBe(0o700);
    const grants = idp.tokenRequests.map((form) => form['grant_type']);
    expect(grants).toContain('device_code');
    // a user's default scopes: the delegated permission the commands need (specs/permissions.yaml)
    expect(idp.tokenRequests.at(-1)?.['scope']).toContain('https://graph.microsoft.com/Synchronization.ReadWrite.All');
  });

  it('status shows account, tenant, scopes and expiry, never the token', async () => {
    const result = await spawnCli(['status'], { env: env(home) });
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as Record<string, unknown>;
    // the client id is the one the sign-in used: the public client's, for a device code without --client-id
    expect(status).toMatchObject({
      method: 'device-code',
      account: 'adele@contoso.example',
      tenant: idp.tenant,
      clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
      scopes: ['https://graph.microsoft.com/Synchronization.ReadWrite.All'],
    });
    expect(typeof status['expiresOn']).toBe('string');
    expect(result.stdout).not.toContain('fake-idp-');
    expect(result.stderr).not.toContain('tokens are cached'); // the notice is shown once
  });

  it('a call refreshes the expiring token silently (refresh_token grant) and sends the new one', async () => {
    const issuedBefore = idp.issued.length;
    const result = await spawnCli([...APP, '--application-id', 'after-login', '--base-url', graph.url], { env: env(home) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(idp.tokenRequests.at(-1)?.['grant_type']).toBe('refresh_token');
    expect(idp.issued.length).toBe(issuedBefore + 1);
    const sent = graph.requests.at(-1)?.headers['authorization'];
    expect(signatureOf(sent?.replace('Bearer ', ''))).toBe(signatureOf(idp.issued.at(-1)));
  });

  it('a pipeline checks the token before each record, so a long one outlives a token', async () => {
    const issuedBefore = idp.issued.length;
    const sentBefore = graph.requests.length;
    const result = await spawnCli([...APP, '--input-object', '-', '--base-url', graph.url], { env: env(home), input: '{"ApplicationId":"p-1"}\n{"ApplicationId":"p-2"}\n' });
    expect(result.code).toBe(0);
    // 60 s tokens are always inside the refresh margin: each record gets a fresh one
    expect(idp.issued.length).toBe(issuedBefore + 2);
    const sent = graph.requests.slice(sentBefore).map((request) => signatureOf(request.headers['authorization']));
    expect(sent).toEqual(idp.issued.slice(-2).map(signatureOf));
  });

  it('logout removes the cache; a call then fails with exit 4', async () => {
    const logout = await spawnCli(['logout'], { env: env(home) });
    expect(logout.code).toBe(0);
    expect(readdirSync(join(home, 'mgkit')).filter((name) => name.startsWith('msal-cache.') || name === 'auth.json')).toEqual([]);
    const result = await spawnCli([...APP, '--application-id', 'x', '--base-url', graph.url], { env: env(home) });
    expect(result.code).toBe(4);
    const status = await spawnCli(['status'], { env: env(home) });
    expect(status.code).toBe(4);
  });
});

describe('client secret sign-in', () => {
  const home = freshConfigHome();

  it('reads the secret from MGKIT_CLIENT_SECRET (never a flag value) and signs in the app', async () => {
    plantSecret(idp.clientSecret);
    const result = await spawnCli(['login', '--client-secret', '--tenant', idp.tenant, '--client-id', idp.clientId, '--authority-host', idp.authorityHost], {
      env: env(home, { MGKIT_CLIENT_SECRET: idp.clientSecret }),
    });
    expect(result.stderr).toContain('Signed in as mgkit-ci');
    expect(result.code).toBe(0);
    const request = idp.tokenRequests.at(-1);
    expect(request?.['grant_type']).toBe('client_credentials');
    expect(request?.['scope']).toBe('https://graph.microsoft.com/.default');
  });

  it('asks for the secret on a terminal without echoing it', async () => {
    const home = freshConfigHome();
    const result = await runCliOnTerminal(
      ['login', '--client-secret', '--tenant', idp.tenant, '--client-id', idp.clientId, '--authority-host', idp.authorityHost],
      'Client secret: ',
      `${idp.clientSecret}\r`,
      env(home),
    );
    if (!result) return; // no util-linux `script` here
    expect(result.stdout).toContain('Signed in as mgkit-ci');
    expect(result.stdout).not.toContain(idp.clientSecret);
  });

  it('refuses a secret given as a flag value (either spelling), without echoing it', async () => {
    const result = await spawnCli(['login', `--client-secret=${idp.clientSecret}`, '--tenant', idp.tenant, '--client-id', idp.clientId], { env: env(home) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--client-secret takes no value');
    const spaced = await spawnCli(['login', '--client-secret', idp.clientSecret, '--tenant', idp.tenant, '--client-id', idp.clientId], { env: env(home) });
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toContain('--client-secret takes no value');
  });

  it('an expiring app token is re-acquired with the secret from the environment', async () => {
    const issuedBefore = idp.issued.length;
    const result = await spawnCli([...APP, '--application-id', 'app-call', '--base-url', graph.url, '--pass-thru'], {
      env: env(home, { AZURE_CLIENT_SECRET: idp.clientSecret }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('true\n');
    expect(idp.issued.length).toBe(issuedBefore + 1);
    expect(signatureOf(graph.requests.at(-1)?.headers['authorization'])).toBe(signatureOf(idp.issued.at(-1)));
  });

  it('without the secret at hand the expired token gives exit 4 with what to do', async () => {
    const result = await spawnCli([...APP, '--application-id', 'app-call', '--base-url', graph.url], { env: env(home) });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('set MGKIT_CLIENT_SECRET');
  });

  it('a wrong secret is an authentication error (exit 4), secret not echoed', async () => {
    const result = await spawnCli(['login', '--client-secret', '--tenant', idp.tenant, '--client-id', idp.clientId, '--authority-host', idp.authorityHost], {
      env: env(freshConfigHome(), { MGKIT_CLIENT_SECRET: 'Pl4nted-Second-Secret-c0ffee' }),
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('AADSTS7000215');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    // the sentence ends the line: no trace ids, no stray " -"
    expect(result.stderr).toMatch(/for a secret added to app '[^']+'\.\n$/);
  });

  it('an unreachable authority names its host and the options that choose another', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const result = await spawnCli(['login', '--client-secret', '--tenant', idp.tenant, '--client-id', idp.clientId, '--authority-host', `https://127.0.0.1:${closed}`], {
      env: env(freshConfigHome(), { MGKIT_CLIENT_SECRET: 'Pl4nted-Second-Secret-c0ffee' }),
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      new RegExp(`^error: sign-in failed: cannot reach the authority 127\\.0\\.0\\.1:${closed}( \\(ECONNREFUSED\\))?; .*--cloud <.*> or the authority with --authority-host <url>\\n$`),
    );
    expect(result.stderr).not.toMatch(/network_error|aka\.ms/);
  });
});

describe('other sign-in methods', () => {
  it('--certificate: a client assertion signed with the PEM’s key', async () => {
    const home = freshConfigHome();
    const result = await spawnCli(['login', '--certificate', idp.clientCertificateFile, '--tenant', idp.tenant, '--client-id', idp.clientId, '--authority-host', idp.authorityHost], {
      env: env(home),
    });
    expect(result.stderr).toContain('Signed in as mgkit-ci');
    expect(result.code).toBe(0);
    expect(idp.tokenRequests.at(-1)?.['client_assertion_type']).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const status = await spawnCli(['status', '--query', 'method', '-o', 'tsv'], { env: env(home) });
    expect(status.stdout).toBe('certificate\n');
  });

  it('--browser: the system browser ($BROWSER through xdg-open) and the loopback redirect', async () => {
    const home = freshConfigHome();
    const browser = join(home, 'browser.sh');
    const log = join(home, 'browser.log');
    writeFileSync(browser, `#!/bin/sh\nexec "${process.execPath}" "${fileURLToPath(new URL('./fixtures/fake-browser.mjs', import.meta.url))}" "$1"\n`, { mode: 0o755 });
    const result = await spawnCli(['login', '--browser', '--tenant', idp.tenant, '--authority-host', idp.authorityHost], {
      env: env(home, { BROWSER: browser, FAKE_BROWSER_LOG: log, DISPLAY: undefined, XDG_CURRENT_DESKTOP: undefined }),
    });
    expect(result.stderr).toContain('Signed in as adele@contoso.example');
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toContain(`${idp.authorityHost}/${idp.tenant}/oauth2/v2.0/authorize`);
    expect(idp.tokenRequests.some((form) => form['grant_type'] === 'authorization_code')).toBe(true);
  });

  it('--certificate with a missing file is a usage error (exit 2), not a sign-in failure', async () => {
    const result = await spawnCli(['login', '--certificate', '/nonexistent/app.pem', '--tenant', idp.tenant, '--client-id', idp.clientId], { env: env(freshConfigHome()) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: --certificate /nonexistent/app.pem: no such file; pass the PEM file that holds the certificate and its private key\n');
  });

  it('--browser without a display or $BROWSER refuses at once instead of waiting for a redirect', async () => {
    // a wait for a redirect would end in the runner's kill (code null), not exit 2
    const result = await spawnCli(['login', '--browser', '--tenant', idp.tenant, '--authority-host', idp.authorityHost], {
      env: env(freshConfigHome(), { BROWSER: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: --browser needs a display (or a $BROWSER command) to open a browser; in CI use --client-secret, --certificate, --managed-identity or --environment, or --device-code to sign in from another device\n',
    );
  });

  it('--client-secret reads a secret piped in late (the pipe is read as a stream)', async () => {
    const home = freshConfigHome();
    const result = await spawnCli(['login', '--client-secret', '--tenant', idp.tenant, '--client-id', idp.clientId, '--authority-host', idp.authorityHost], {
      env: env(home),
      onSpawn: (child) => setTimeout(() => child.stdin?.end(`${idp.clientSecret}\n`), 700),
      keepStdinOpen: true,
    });
    expect(result.stderr).toContain('Signed in');
    expect(result.code).toBe(0);
  });

  it('--environment: AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET', async () => {
    const result = await spawnCli(['login', '--environment', '--authority-host', idp.authorityHost], {
      env: env(freshConfigHome(), { AZURE_TENANT_ID: idp.tenant, AZURE_CLIENT_ID: idp.clientId, AZURE_CLIENT_SECRET: idp.clientSecret }),
    });
    expect(result.stderr).toContain('Signed in as mgkit-ci');
    expect(result.code).toBe(0);
    expect(idp.tokenRequests.at(-1)?.['grant_type']).toBe('client_credentials');
  });

  it('--azure-cli: the token from `az account get-access-token`', async () => {
    const home = freshConfigHome();
    const bin = join(home, 'bin');
    mkdirSync(bin);
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ tid: idp.tenant, upn: 'cli-user@contoso.example', exp })).toString('base64url')}.fake-idp-access-azcli`;
    writeFileSync(join(bin, 'az'), `#!/bin/sh\necho "$@" >> "${join(home, 'az-args.txt')}"\necho '{"accessToken":"${token}","expires_on":${exp},"tenant":"${idp.tenant}","tokenType":"Bearer"}'\n`, {
      mode: 0o755,
    });
    const result = await spawnCli(['login', '--azure-cli'], { env: env(home, { PATH: `${bin}:${process.env['PATH'] ?? ''}` }) });
    expect(result.stderr).toContain('Signed in as cli-user@contoso.example');
    expect(result.code).toBe(0);
    expect(readFileSync(join(home, 'az-args.txt'), 'utf8')).toContain('account get-access-token --output json --resource https://graph.microsoft.com');
    const call = await spawnCli([...APP, '--application-id', 'via-az', '--base-url', graph.url], { env: env(home) });
    expect(call.code).toBe(0);
    expect(graph.requests.at(-1)?.headers['authorization']).toBe(`Bearer ${token}`);
  });

  it('--managed-identity: the App Service identity endpoint', async () => {
    const requests: string[] = [];
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const endpoint = createServer((request, response) => {
      requests.push(`${request.url} ${String(request.headers['x-identity-header'])}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'fake-idp-access-msi', expires_on: String(exp), resource: 'https://graph.microsoft.com', token_type: 'Bearer' }));
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    try {
      const port = (endpoint.address() as AddressInfo).port;
      const result = await spawnCli(['login', '--managed-identity'], {
        env: env(freshConfigHome(), { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: 'header-secret-0x51' }),
      });
      expect(result.stderr).toContain('Signed in');
      expect(result.code).toBe(0);
      expect(requests[0]).toContain('resource=https');
      expect(requests[0]).toContain('header-secret-0x51');
      // --debug: the identity library calls this endpoint through MSAL's own client (no trace), and the secret never shows
      const traced = await spawnCli(['login', '--managed-identity', '--debug'], {
        env: env(freshConfigHome(), { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: 'header-secret-0x51' }),
      });
      expect(traced.code).toBe(0);
      expect(traced.stderr).not.toContain('header-secret-0x51');
    } finally {
      endpoint.closeAllConnections();
      await new Promise<void>((resolve) => endpoint.close(() => resolve()));
    }
  });

  it('two methods at once are a usage error', async () => {
    const result = await spawnCli(['login', '--browser', '--azure-cli'], { env: env(freshConfigHome()) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('choose one sign-in method');
  });
});

describe('login --debug', () => {
  it('traces the sign-in HTTP calls with every line marked, credentials masked', async () => {
    const home = freshConfigHome();
    const result = await spawnCli(['login', '--client-secret', '--tenant', idp.tenant, '--client-id', idp.clientId, '--authority-host', idp.authorityHost, '--debug'], {
      env: env(home, { MGKIT_CLIENT_SECRET: idp.clientSecret }),
    });
    expect(result.code).toBe(0);
    const trace = result.stderr.split('\n').filter((line) => /^[<>] /.test(line));
    expect(trace.some((line) => line.startsWith(`> POST ${idp.authorityHost}/${idp.tenant}/oauth2/v2.0/token`))).toBe(true);
    expect(trace).toContain('> grant_type=client_credentials');
    expect(trace).toContain('> client_secret=***');
    expect(trace.some((line) => line.startsWith('< 200 '))).toBe(true);
    expect(trace.some((line) => /^< +"access_token": "\*\*\*"/.test(line))).toBe(true);
    expect(result.stderr).toContain('Signed in as mgkit-ci');
  });

  it('device code: the device_code is masked, the user code is shown', async () => {
    const home = freshConfigHome();
    const result = await spawnCli(['login', '--tenant', idp.tenant, '--authority-host', idp.authorityHost, '--debug'], { env: env(home) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`> POST ${idp.authorityHost}/${idp.tenant}/oauth2/v2.0/devicecode`);
    expect(result.stderr).toMatch(/^< +"device_code": "\*\*\*",$/m);
    expect(result.stderr).toMatch(/^< +"user_code": "FAKE-CODE",$/m);
    expect(result.stderr).toMatch(/^> device_code=\*\*\*$/m);
    expect(result.stderr).not.toContain('fake-device-code');
  });
});

describe('wrong tenant', () => {
  it('login to an unknown tenant fails with exit 4 and the AADSTS reason on one line', async () => {
    const result = await spawnCli(['login', '--client-secret', '--tenant', 'wrong-tenant', '--client-id', idp.clientId, '--authority-host', idp.authorityHost], {
      env: env(freshConfigHome(), { MGKIT_CLIENT_SECRET: idp.clientSecret }),
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/sign-in failed: .*(AADSTS90002|wrong-tenant)/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('device code to an unknown tenant fails the same way', async () => {
    const result = await spawnCli(['login', '--tenant', 'wrong-tenant', '--authority-host', idp.authorityHost], { env: env(freshConfigHome()) });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/sign-in failed: .*(AADSTS90002|wrong-tenant)/);
  });
});

describe('no secret leaks in this file', () => {
  it('no issued token, refresh token or client secret appears in any captured output', () => {
    for (const token of idp.issued) plantSecret(token);
    expect(idp.issued.length).toBeGreaterThan(3);
    expect(captured.length).toBeGreaterThan(8);
    expect(findLeaks(captured)).toEqual([]);
    expect(captured.join('\n')).not.toMatch(/fake-idp-(access|refresh)-/);
  });
});
