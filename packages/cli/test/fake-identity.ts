/**
 * A fake Microsoft Entra endpoint for login tests: HTTPS on 127.0.0.1 with a self-signed
 * certificate made by openssl for the test, or the committed test-only one in fixtures/tls when
 * openssl is not installed (trusted by the CLI through NODE_EXTRA_CA_CERTS).
 * Serves openid-configuration, devicecode and token (device code, refresh token, client
 * credentials) for the tenants it knows; other tenants get AADSTS90002.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Server, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FakeIdentity {
  readonly authorityHost: string;
  readonly caFile: string;
  /** A PEM with a private key and its certificate, for certificate sign-in. */
  readonly clientCertificateFile: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Form bodies of every token request, in order (for assertions on grant types). */
  readonly tokenRequests: Record<string, string>[];
  /** Access tokens issued, in order. */
  readonly issued: string[];
  close(): Promise<void>;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function jwt(claims: Record<string, unknown>, signature: string): string {
  return `${base64url({ typ: 'JWT', alg: 'RS256', kid: 'fake' })}.${base64url(claims)}.${signature}`;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(Object.fromEntries(new URLSearchParams(body))));
  });
}

/** Fresh key pairs and certificates from openssl, else the committed test-only ones. */
function tlsMaterial(): { keyFile: string; certFile: string; clientCertificateFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mgkit-fake-idp-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const clientKeyFile = join(dir, 'client-key.pem');
  const clientCertFile = join(dir, 'client-cert.pem');
  const clientCertificateFile = join(dir, 'client.pem');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      { stdio: 'ignore' },
    );
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', clientKeyFile, '-out', clientCertFile, '-days', '1', '-subj', '/CN=mgkit-ci'], { stdio: 'ignore' });
    writeFileSync(clientCertificateFile, `${readFileSync(clientKeyFile, 'utf8')}${readFileSync(clientCertFile, 'utf8')}`, { mode: 0o600 });
    return { keyFile, certFile, clientCertificateFile };
  } catch {
    const fixtures = fileURLToPath(new URL('./fixtures/tls/', import.meta.url));
    return { keyFile: join(fixtures, 'server-key.pem'), certFile: join(fixtures, 'server-cert.pem'), clientCertificateFile: join(fixtures, 'client.pem') };
  }
}

export async function startFakeIdentity(options: { accessTokenLifetime: number }): Promise<FakeIdentity> {
  const { keyFile, certFile, clientCertificateFile } = tlsMaterial();
  const tenant = '11111111-2222-3333-4444-555555555555';
  const clientId = '99999999-8888-7777-6666-555555555555';
  const clientSecret = 'Pl4nted-Client-Secret-77aa';
  const tokenRequests: Record<string, string>[] = [];
  const issued: string[] = [];
  let counter = 0;
  let pendingOnce = true;
  let origin = '';

  const issue = (kind: 'user' | 'app', scope: string): Record<string, unknown> => {
    counter += 1;
    const now = Math.floor(Date.now() / 1000);
    const claims =
      kind === 'user'
        ? {
            aud: 'https://graph.microsoft.com',
            iss: `${origin}/${tenant}/v2.0`,
            tid: tenant,
            oid: 'user-oid',
            upn: 'adele@contoso.example',
            scp: 'Synchronization.ReadWrite.All',
            iat: now,
            exp: now + options.accessTokenLifetime,
          }
        : {
            aud: 'https://graph.microsoft.com',
            iss: `${origin}/${tenant}/v2.0`,
            tid: tenant,
            appid: clientId,
            app_displayname: 'mgkit-ci',
            roles: ['Synchronization.ReadWrite.All'],
            iat: now,
            exp: now + options.accessTokenLifetime,
          };
    const accessToken = jwt(claims, `fake-idp-access-${counter}`);
    issued.push(accessToken);
    const response: Record<string, unknown> = {
      token_type: 'Bearer',
      scope,
      expires_in: options.accessTokenLifetime,
      ext_expires_in: options.accessTokenLifetime,
      access_token: accessToken,
    };
    if (kind === 'user') {
      response['refresh_token'] = `fake-idp-refresh-${counter}`;
      response['id_token'] = jwt(
        {
          aud: clientId,
          iss: `${origin}/${tenant}/v2.0`,
          tid: tenant,
          oid: 'user-oid',
          sub: 'user-sub',
          preferred_username: 'adele@contoso.example',
          name: 'Adele',
          iat: now,
          exp: now + 3600,
          ver: '2.0',
        },
        'id-signature',
      );
      response['client_info'] = base64url({ uid: 'user-oid', utid: tenant });
    }
    return response;
  };

  const server: Server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', origin);
      const [, pathTenant = '', ...rest] = url.pathname.split('/');
      const route = rest.join('/');
      const knownTenant = pathTenant === tenant || pathTenant === 'organizations' || pathTenant === 'common';
      if (!knownTenant) {
        return json(response, 400, {
          error: 'invalid_tenant',
          error_description: `AADSTS90002: Tenant '${pathTenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
          error_codes: [90002],
        });
      }
      if (route === 'v2.0/.well-known/openid-configuration') {
        const base = `${origin}/${pathTenant}`;
        return json(response, 200, {
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
          issuer: `${origin}/${tenant}/v2.0`,
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
          tenant_region_scope: 'EU',
        });
      }
      if (route === 'oauth2/v2.0/authorize' && request.method === 'GET') {
        // the "browser" signs in at once: back to the app's loopback redirect with a code
        const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
        redirect.searchParams.set('code', 'fake-authorization-code');
        const state = url.searchParams.get('state');
        if (state) redirect.searchParams.set('state', state);
        response.writeHead(302, { location: redirect.href });
        response.end();
        return;
      }
      if (route === 'oauth2/v2.0/devicecode' && request.method === 'POST') {
        await readForm(request);
        return json(response, 200, {
          device_code: 'fake-device-code',
          user_code: 'FAKE-CODE',
          verification_uri: `${origin}/devicelogin`,
          expires_in: 900,
          interval: 1,
          message: `To sign in, use a web browser to open the page ${origin}/devicelogin and enter the code FAKE-CODE to authenticate.`,
        });
      }
      if (route === 'oauth2/v2.0/token' && request.method === 'POST') {
        const form = await readForm(request);
        tokenRequests.push(form);
        const scope = form['scope'] ?? '';
        switch (form['grant_type']) {
          case 'device_code':
          case 'urn:ietf:params:oauth:grant-type:device_code':
            if (pendingOnce) {
              pendingOnce = false;
              return json(response, 400, { error: 'authorization_pending', error_description: 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.', error_codes: [70016] });
            }
            return json(response, 200, issue('user', scope));
          case 'authorization_code':
            if (form['code'] !== 'fake-authorization-code' || !form['code_verifier']) return json(response, 400, { error: 'invalid_grant', error_description: 'AADSTS70000: bad code.' });
            return json(response, 200, issue('user', scope));
          case 'refresh_token':
            if (!form['refresh_token']?.startsWith('fake-idp-refresh-')) return json(response, 400, { error: 'invalid_grant', error_description: 'AADSTS9002313: Invalid request.' });
            return json(response, 200, issue('user', scope));
          case 'client_credentials':
            if (form['client_assertion_type'] === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
              // certificate sign-in: a JWT signed with the certificate's key, issued by the app
              const claims = JSON.parse(Buffer.from(form['client_assertion']?.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as Record<string, unknown>;
              if (claims['iss'] !== clientId || claims['sub'] !== clientId) {
                return json(response, 401, { error: 'invalid_client', error_description: 'AADSTS700027: Client assertion contains an invalid signature.', error_codes: [700027] });
              }
              return json(response, 200, issue('app', scope));
            }
            if (form['client_id'] !== clientId || form['client_secret'] !== clientSecret) {
              return json(response, 401, {
                error: 'invalid_client',
                // worded as Entra words it: the trace ids follow the sentence
                error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'. Trace ID: 9b2c5a1e-0000-4000-8000-000000000001 Correlation ID: 5f1d2e3c-0000-4000-8000-000000000002 Timestamp: 2026-12-02 10:00:00Z`,
                error_codes: [7000215],
              });
            }
            return json(response, 200, issue('app', scope));
          default:
            return json(response, 400, { error: 'unsupported_grant_type', error_description: `AADSTS70003: unsupported grant ${form['grant_type']}` });
        }
      }
      json(response, 404, { error: 'not_found', error_description: `no route ${request.method} ${url.pathname}` });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authorityHost: origin,
    caFile: certFile,
    clientCertificateFile,
    tenant,
    clientId,
    clientSecret,
    tokenRequests,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
