/**
 * The built `mgkit` binary against a local Graph-like server: every parameter set of both
 * cmdlets, input forms, pipeline, what-if, confirm, pass-thru, headers, exit codes, output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaptureServer,
  PLANTED_CREDENTIAL,
  PLANTED_CREDENTIAL_2,
  PLANTED_TOKEN,
  captured,
  findLeaks,
  freshConfigHome,
  runCli,
  runCliOnTerminal,
  startCaptureServer,
} from './helpers.js';

const APP = ['applications', 'synchronization', 'acquire-access-token', 'post'];
const SP = ['service-principals', 'synchronization', 'acquire-access-token', 'post'];
const APP_PATH = (id: string) => `/v1.0/applications/${id}/synchronization/microsoft.graph.acquireAccessToken`;
const SP_PATH = (id: string) => `/v1.0/servicePrincipals/${id}/synchronization/microsoft.graph.acquireAccessToken`;

let server: CaptureServer;
let files: string;
const auth = { MGKIT_ACCESS_TOKEN: PLANTED_TOKEN };

beforeAll(async () => {
  server = await startCaptureServer();
  files = freshConfigHome();
  writeFileSync(join(files, 'body.json'), JSON.stringify({ credentials: [{ key: 'SecretToken', value: PLANTED_CREDENTIAL }] }));
  writeFileSync(join(files, 'identity.json'), JSON.stringify({ ServicePrincipalId: 'sp-from-file' }));
  writeFileSync(join(files, 'credentials.json'), JSON.stringify([{ key: 'Password', value: PLANTED_CREDENTIAL_2 }]));
  writeFileSync(join(files, 'secret.txt'), `${PLANTED_CREDENTIAL_2}\n`);
});

afterAll(async () => {
  await server.close();
});

async function call(args: readonly string[], options: { input?: string; env?: Record<string, string | undefined> } = {}) {
  const before = server.requests.length;
  const result = await runCli([...args, '--base-url', server.url], { ...options, env: { ...auth, ...options.env } });
  return { ...result, sent: server.requests.slice(before) };
}

describe('parameter sets (each set of both cmdlets, HTTP through the generated client)', () => {
  it('Get-MgApplicationSynchronizationAccessToken AcquireExpanded: --application-id, --credentials Key=Value (value from @file), --additional-properties', async () => {
    const result = await call([
      ...APP,
      '--application-id', 'app-1',
      '--credentials', 'BaseAddress=https://scim.example.com',
      '--credentials', `SecretToken=${PLANTED_CREDENTIAL}`,
      '--credentials', `Password=@${join(files, 'secret.txt')}`,
      '--additional-properties', '{"extra":{"note":"kept"}}',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.sent).toHaveLength(1);
    const [request] = result.sent;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(APP_PATH('app-1'));
    expect(request?.headers['authorization']).toBe(`Bearer ${PLANTED_TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      credentials: [
        { key: 'BaseAddress', value: 'https://scim.example.com' },
        { key: 'SecretToken', value: PLANTED_CREDENTIAL },
        { key: 'Password', value: PLANTED_CREDENTIAL_2 },
      ],
      extra: { note: 'kept' },
    });
  });

  it('Acquire: --application-id (via its --object-id alias) and --body @file', async () => {
    const result = await call([...APP, '--object-id', 'app-2', '--body', `@${join(files, 'body.json')}`]);
    expect(result.code).toBe(0);
    expect(result.sent[0]?.url).toBe(APP_PATH('app-2'));
    expect(JSON.parse(result.sent[0]?.body ?? '')).toEqual({ credentials: [{ key: 'SecretToken', value: PLANTED_CREDENTIAL }] });
  });

  it('AcquireViaIdentity: --input-object JSON and --body - (stdin)', async () => {
    const body = JSON.stringify({ credentials: [{ key: 'UserName', value: 'admin@contoso.example' }] });
    const result = await call([...APP, '--input-object', '{"ApplicationId":"app-3"}', '--body', '-'], { input: body });
    expect(result.code).toBe(0);
    expect(result.sent[0]?.url).toBe(APP_PATH('app-3'));
    expect(JSON.parse(result.sent[0]?.body ?? '')).toEqual(JSON.parse(body));
  });

  it('AcquireViaIdentityExpanded: --input-object - (stdin) and --credentials as a JSON array', async () => {
    const result = await call([...APP, '--input-object', '-', '--credentials', JSON.stringify([{ key: 'Domain', value: 'contoso' }])], {
      input: '{"applicationId":"app-4"}',
    });
    expect(result.code).toBe(0);
    expect(result.sent[0]?.url).toBe(APP_PATH('app-4'));
    expect(JSON.parse(result.sent[0]?.body ?? '')).toEqual({ credentials: [{ key: 'Domain', value: 'contoso' }] });
  });

  it('Get-MgServicePrincipalSynchronizationAccessToken AcquireExpanded (cmdlet name as alias, any case); a key with space, / and ü is encoded', async () => {
    const result = await call(['get-mgserviceprincipalsynchronizationaccesstoken', '--service-principal-id', 'a b/cü', '--credentials', 'BaseAddress=https://x.example']);
    expect(result.code).toBe(0);
    expect(result.sent[0]?.url).toBe(SP_PATH('a%20b%2Fc%C3%BC'));
    expect(JSON.parse(result.sent[0]?.body ?? '')).toEqual({ credentials: [{ key: 'BaseAddress', value: 'https://x.example' }] });
  });

  it('service principal Acquire: --service-principal-id and --body inline', async () => {
    const result = await call(['Get-MgServicePrincipalSynchronizationAccessToken', '--service-principal-id', 'sp-2', '--body', '{"credentials":[]}']);
    expect(result.code).toBe(0);
    expect(result.sent[0]?.url).toBe(SP_PATH('sp-2'));
    expect(JSON.parse(result.sent[0]?.body ?? '')).toEqual({ credentials: [] });
  });

  it('service principal AcquireViaIdentity: --input-object @file and --body @file', async () => {
    const result = await call([...SP, '--input-object', `@${join(files, 'identity.json')}`, '--body', `@${join(files, 'body.json')}`]);
    expect(result.code).toBe(0);
    expect(result.sent[0]?.url).toBe(SP_PATH('sp-from-file'));
  });

  it('service principal AcquireViaIdentityExpanded: --input-object and --credentials @file', async () => {
    const result = await call([...SP, '--input-object', '{"ServicePrincipalId":"sp-4"}', '--credentials', `@${join(files, 'credentials.json')}`]);
    expect(result.code).toBe(0);
    expect(result.sent[0]?.url).toBe(SP_PATH('sp-4'));
    expect(JSON.parse(result.sent[0]?.body ?? '')).toEqual({ credentials: [{ key: 'Password', value: PLANTED_CREDENTIAL_2 }] });
  });

  it('expanded set with no body options sends an empty body ({}), as the body is required', async () => {
    const result = await call([...APP, '--application-id', 'app-empty']);
    expect(result.code).toBe(0);
    expect(result.sent[0]?.body).toBe('{}');
  });

  it('PowerShell spellings work too: -ApplicationId, -Credentials', async () => {
    const result = await call([...APP, '-ApplicationId', 'app-ps', '-Credentials', 'BaseAddress=https://ps.example']);
    expect(result.code).toBe(0);
    expect(result.sent[0]?.url).toBe(APP_PATH('app-ps'));
  });
});

describe('usage and validation errors (exit 2, nothing sent)', () => {
  it('mixing parameter sets names the sets', async () => {
    const result = await call([...APP, '--application-id', 'a', '--body', '{}', '--credentials', 'BaseAddress=x']);
    expect(result.code).toBe(2);
    expect(result.sent).toHaveLength(0);
    expect(result.stderr).toMatch(/--body \(parameter sets Acquire, AcquireViaIdentity\) and --credentials \(parameter sets AcquireExpanded, AcquireViaIdentityExpanded\) cannot be used together/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing required option is named with its set', async () => {
    const result = await call([...APP, '--body', '{}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing required option --application-id (parameter set Acquire); or give --input-object (AcquireViaIdentity)');
  });

  it('an unknown enum key gets the closest valid names; the secret value is not echoed', async () => {
    const result = await call([...APP, '--application-id', 'a', '--credentials', `SecretTokn=${PLANTED_CREDENTIAL}`]);
    expect(result.code).toBe(2);
    expect(result.sent).toHaveLength(0);
    expect(result.stderr).toContain("credentials[0].key: 'SecretTokn' is not a SynchronizationSecret name; did you mean SecretToken");
  });

  it('a --body that breaks the schema is rejected before any request', async () => {
    const result = await call([...APP, '--application-id', 'a', '--body', '{"credentials":[{"key":"Password","value":42}]}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('credentials[0].value: expected string or null, got integer');
    expect(result.sent).toHaveLength(0);
  });

  it('an identity object with only an alternate key gets a clear error', async () => {
    const result = await call([...APP, '--input-object', '{"AppId":"00000003-0000-0000-c000-000000000000"}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('identifies the object by AppId (an alternate key)');
    expect(result.stderr).toContain('{"ApplicationId": "<id>"}');
  });

  it('an identity object without any key says which one is needed', async () => {
    const result = await call([...SP, '--input-object', '{"displayName":"x"}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no ServicePrincipalId (needed for {servicePrincipal-id}');
  });

  it('invalid JSON, a missing @file and an unknown option are one-line errors with a hint', async () => {
    const json = await call([...APP, '--application-id', 'a', '--body', '{nope']);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/^error: --body: the value is not valid JSON/);
    const file = await call([...APP, '--application-id', 'a', '--body', '@/nonexistent/body.json']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('cannot read the file (no such file)');
    const option = await call([...APP, '--aplication-id', 'a']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('did you mean --application-id');
    for (const result of [json, file, option]) expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown command suggests the closest', async () => {
    const result = await runCli(['aplications']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean applications');
  });
});

describe('pipeline: --input-object - with NDJSON makes one call per record', () => {
  it('two records → two requests, each reported', async () => {
    const input = '{"ApplicationId":"rec-1"}\n{"ApplicationId":"rec-2"}\n';
    const result = await call([...APP, '--input-object', '-', '--credentials', `SecretToken=${PLANTED_CREDENTIAL}`, '--pass-thru'], { input });
    expect(result.code).toBe(0);
    expect(result.sent.map((request) => request.url)).toEqual([APP_PATH('rec-1'), APP_PATH('rec-2')]);
    expect(result.stdout).toBe('true\ntrue\n');
    expect(result.stderr).toContain('record 1/2 (application-id=rec-1): ok');
    expect(result.stderr).toContain('record 2/2 (application-id=rec-2): ok');
  });

  it('a failing record is reported and the others still run; the exit code is the failure', async () => {
    const input = '{"ApplicationId":"missing"}\n{"ApplicationId":"rec-3"}\n';
    const result = await call([...APP, '--input-object', '-'], { input });
    expect(result.code).toBe(3);
    expect(result.sent).toHaveLength(2);
    expect(result.stderr).toContain('error: record 1/2 (application-id=missing): 404 Request_ResourceNotFound');
    expect(result.stderr).toContain('record 2/2 (application-id=rec-3): ok');
  });

  it('every record is checked before any request', async () => {
    const input = '{"ApplicationId":"rec-4"}\n{"AppId":"x"}\n';
    const result = await call([...APP, '--input-object', '-'], { input });
    expect(result.code).toBe(2);
    expect(result.sent).toHaveLength(0);
    expect(result.stderr).toContain('record 2 identifies the object by AppId');
  });
});

describe('what-if, confirm, pass-thru, headers, response headers', () => {
  it('--what-if prints method, URL, headers and body with secrets redacted, and sends nothing', async () => {
    const result = await call([...APP, '--application-id', 'wi-1', '--credentials', `SecretToken=${PLANTED_CREDENTIAL}`, '--credentials', 'BaseAddress=https://b.example', '--header', 'X-Trace: abc', '--what-if']);
    expect(result.code).toBe(0);
    expect(result.sent).toHaveLength(0);
    expect(result.stdout).toContain(`POST ${server.url}/applications/wi-1/synchronization/microsoft.graph.acquireAccessToken`);
    expect(result.stdout).toContain('Authorization: Bearer ***');
    expect(result.stdout).toContain('Content-Type: application/json');
    expect(result.stdout).toContain('X-Trace: abc');
    // every credential value is a secret to the schema (x-secret); keys stay readable
    expect(result.stdout).toContain('"key": "SecretToken",\n      "value": "***"');
    expect(result.stdout).toContain('"key": "BaseAddress",\n      "value": "***"');
    expect(result.stdout).not.toContain(PLANTED_CREDENTIAL);
  });

  it('--dry-run is the same, and works without any credentials; --cloud picks the endpoint', async () => {
    const result = await runCli([...APP, '--application-id', 'wi-2', '--dry-run', '--cloud', 'USGov']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('POST https://graph.microsoft.us/v1.0/applications/wi-2/synchronization/microsoft.graph.acquireAccessToken');
    const china = await runCli([...SP, '--service-principal-id', 's', '--dry-run', '--cloud', 'China']);
    expect(china.stdout).toContain('POST https://microsoftgraph.chinacloudapi.cn/v1.0/servicePrincipals/s/');
    const dod = await runCli([...SP, '--service-principal-id', 's', '--dry-run', '--cloud', 'USGovDoD']);
    expect(dod.stdout).toContain('POST https://dod-graph.microsoft.us/v1.0/');
    const global = await runCli([...SP, '--service-principal-id', 's', '--dry-run']);
    expect(global.stdout).toContain('POST https://graph.microsoft.com/v1.0/');
  });

  it('--confirm without a terminal fails with exit 2 and sends nothing; with --yes it sends', async () => {
    const refused = await call([...APP, '--application-id', 'cf-1', '--confirm']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--confirm needs a terminal to ask on; pass --yes');
    expect(refused.sent).toHaveLength(0);
    const accepted = await call([...APP, '--application-id', 'cf-1', '--confirm', '--yes']);
    expect(accepted.code).toBe(0);
    expect(accepted.sent).toHaveLength(1);
  });

  it('--confirm on a terminal asks; y sends, n skips', async () => {
    const before = server.requests.length;
    const yes = await runCliOnTerminal([...APP, '--application-id', 'tty-yes', '--confirm', '--base-url', server.url], '[y/N]', 'y\r', auth);
    if (!yes) return; // no util-linux `script` here
    expect(yes.stdout).toContain('Perform Get-MgApplicationSynchronizationAccessToken on application-id=tty-yes? [y/N]');
    expect(yes.code).toBe(0);
    expect(server.requests.slice(before).map((request) => request.url)).toEqual([APP_PATH('tty-yes')]);
    const no = await runCliOnTerminal([...APP, '--application-id', 'tty-no', '--confirm', '--base-url', server.url], '[y/N]', 'n\r', auth);
    expect(no?.stdout).toContain('skipped');
    expect(server.requests.slice(before).map((request) => request.url)).toEqual([APP_PATH('tty-yes')]);
  });

  it('--pass-thru prints true', async () => {
    const result = await call([...SP, '--service-principal-id', 'pt-1', '--pass-thru']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('true\n');
  });

  it('--header sends request headers (repeatable)', async () => {
    const result = await call([...APP, '--application-id', 'h-1', '--header', 'ConsistencyLevel: eventual', '--header', 'X-Correlation: 42']);
    expect(result.code).toBe(0);
    expect(result.sent[0]?.headers['consistencylevel']).toBe('eventual');
    expect(result.sent[0]?.headers['x-correlation']).toBe('42');
  });

  it('--response-headers writes the response headers as JSON to a file, or to stdout with -', async () => {
    const file = join(files, 'response-headers.json');
    const toFile = await call([...APP, '--application-id', 'rh-1', '--response-headers', file]);
    expect(toFile.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const headers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(headers['request-id']).toBe('req-ok-1');
    expect(headers['client-request-id']).toBe('client-1');
    const toStdout = await call([...APP, '--application-id', 'rh-2', '--rhv', '-']);
    expect(JSON.parse(toStdout.stdout)['request-id']).toBe('req-ok-1');
  });
});

describe('exit codes', () => {
  it('1: an API error prints OData code, message and request-id on one stderr line', async () => {
    const result = await call([...APP, '--application-id', 'boom']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: 500 InternalServerError: Something went wrong. (request-id: req-500)\n');
    const bad = await call([...APP, '--application-id', 'bad']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: 400 BadRequest: Invalid credentials key. (request-id: req-400)\n');
  });

  it('2: usage', async () => {
    const result = await call([...APP]);
    expect(result.code).toBe(2);
  });

  it('3: not found (404)', async () => {
    const result = await call([...APP, '--application-id', 'missing']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe("error: 404 Request_ResourceNotFound: Resource 'missing' does not exist. (request-id: req-404)\n");
  });

  it('4: authentication (401, 403, or no credentials at all)', async () => {
    const denied = await call([...APP, '--application-id', 'denied']);
    expect(denied.code).toBe(4);
    expect(denied.stderr).toContain('401 InvalidAuthenticationToken');
    const forbidden = await call([...APP, '--application-id', 'forbidden']);
    expect(forbidden.code).toBe(4);
    const none = await call([...APP, '--application-id', 'x'], { env: { MGKIT_ACCESS_TOKEN: undefined } });
    expect(none.code).toBe(4);
    expect(none.stderr).toContain("not signed in: run 'mgkit login', or set MGKIT_ACCESS_TOKEN");
    expect(none.sent).toHaveLength(0);
  });

  it('130: SIGINT during a hanging request', async () => {
    const before = server.requests.length;
    const result = await runCli([...APP, '--application-id', 'hang', '--base-url', server.url], {
      env: auth,
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (server.requests.length > before) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 20);
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('interrupted');
  });

  it('--timeout ends a hanging request with exit 1', async () => {
    const result = await call([...APP, '--application-id', 'hang', '--timeout', '0.3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: the request timed out after 0.3 s (--timeout)\n');
  });

  it('plain http to a non-loopback host is refused before the token is sent', async () => {
    const result = await runCli([...APP, '--application-id', 'x', '--base-url', 'http://graph.example.invalid/v1.0'], { env: auth });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refusing to send a token over http');
  });
});

describe('--debug trace', () => {
  it('shows the HTTP exchange on stderr with Authorization and secret values redacted', async () => {
    const result = await call([...APP, '--application-id', 'dbg', '--credentials', `SecretToken=${PLANTED_CREDENTIAL}`, '--debug']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`> POST ${server.url}/applications/dbg/synchronization/microsoft.graph.acquireAccessToken`);
    expect(result.stderr).toMatch(/> authorization: Bearer \*\*\*/i);
    expect(result.stderr).toContain('"value": "***"');
    expect(result.stderr).toContain('< 204');
    expect(result.stderr).not.toContain(PLANTED_CREDENTIAL);
    expect(result.stderr).not.toContain(PLANTED_TOKEN);
  });
});

describe('output: -o json|yaml|table|tsv|none and --query', () => {
  const statusArgs = ['status'];
  it('json (default), yaml, table, tsv, none on `status` (from the MGKIT_ACCESS_TOKEN claims, never the token)', async () => {
    const json = await runCli(statusArgs, { env: auth });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({ source: 'MGKIT_ACCESS_TOKEN', account: 'ci@contoso.example', tenant: 'tenant-from-token', expired: false });
    expect(parsed['scopes']).toEqual(['Synchronization.ReadWrite.All', 'Application.Read.All']);
    const yaml = await runCli([...statusArgs, '-o', 'yaml'], { env: auth });
    expect(yaml.stdout).toContain('account: ci@contoso.example\n');
    expect(yaml.stdout).toContain('scopes:\n  - Synchronization.ReadWrite.All\n');
    const table = await runCli([...statusArgs, '-o', 'table'], { env: auth });
    expect(table.stdout.split('\n')[0]).toMatch(/^source\s+account\s+tenant\s+scopes\s+expiresOn\s+expired$/);
    expect(table.stdout).toContain('ci@contoso.example');
    const tsv = await runCli([...statusArgs, '--output', 'tsv'], { env: auth });
    expect(tsv.stdout.split('\t').slice(0, 3)).toEqual(['MGKIT_ACCESS_TOKEN', 'ci@contoso.example', 'tenant-from-token']);
    const none = await runCli([...statusArgs, '-o', 'none'], { env: auth });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
  });

  it('--query (JMESPath) selects from the result, then -o formats it', async () => {
    const result = await runCli([...statusArgs, '--query', 'scopes[0]', '-o', 'tsv'], { env: auth });
    expect(result.stdout).toBe('Synchronization.ReadWrite.All\n');
    const object = await runCli([...statusArgs, '--query', '{who: account, tid: tenant}'], { env: auth });
    expect(JSON.parse(object.stdout)).toEqual({ who: 'ci@contoso.example', tid: 'tenant-from-token' });
    const bad = await runCli([...statusArgs, '--query', '[[['], { env: auth });
    expect(bad.code).toBe(2);
  });

  it('a command result goes through the same formats (pass-thru → true)', async () => {
    for (const [format, expected] of [['json', 'true\n'], ['yaml', 'true\n'], ['table', 'true\n'], ['tsv', 'true\n'], ['none', '']] as const) {
      const result = await call([...APP, '--application-id', `fmt-${format}`, '--pass-thru', '-o', format]);
      expect(result.stdout, format).toBe(expected);
    }
    const queried = await call([...APP, '--application-id', 'fmt-q', '--pass-thru', '--query', 'to_string(@)']);
    expect(queried.stdout).toBe('"true"\n');
  });

  it('an unknown format is a usage error listing the valid ones', async () => {
    const result = await runCli([...statusArgs, '-o', 'xml'], { env: auth });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('use one of json, yaml, table, tsv, none');
  });
});

describe('help, version, completion', () => {
  it('--help lists commands with cmdlet aliases; a command help shows sets, options, examples, the request', async () => {
    const root = await runCli(['--help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('applications synchronization acquire-access-token post');
    expect(root.stdout).toContain('alias: Get-MgServicePrincipalSynchronizationAccessToken');
    const help = await runCli([...APP, '--help']);
    expect(help.code).toBe(0);
    for (const text of [
      'Acquire an OAuth access token',
      '# AcquireExpanded (default)',
      '# AcquireViaIdentityExpanded',
      '--application-id <string>   (alias --object-id)',
      '--what-if   (alias --dry-run, --wi)',
      'The value of the secret',
      'one of the 45 SynchronizationSecret names',
      'Examples:',
      'POST https://graph.microsoft.com/v1.0/applications/{application-id}/synchronization/microsoft.graph.acquireAccessToken',
      'https://learn.microsoft.com/graph/api/synchronization-synchronization-acquireaccesstoken',
      'Permissions (least privileged): delegated Synchronization.ReadWrite.All; application Application.ReadWrite.OwnedBy',
    ]) {
      expect(help.stdout).toContain(text);
    }
    const group = await runCli(['service-principals', '--help']);
    expect(group.stdout).toContain('service-principals synchronization acquire-access-token post');
    expect(group.stdout).not.toContain('applications synchronization');
  });

  it('colours only on a terminal, and never with --no-color or NO_COLOR', async () => {
    const coloured = await runCliOnTerminal(['--help'], 'Usage', '', { NO_COLOR: undefined });
    if (!coloured) return; // no util-linux `script` here
    expect(coloured.stdout).toContain('\u001b[1mUsage:');
    const flag = await runCliOnTerminal(['--help', '--no-color'], 'Usage', '', { NO_COLOR: undefined });
    expect(flag?.stdout).not.toContain('\u001b[');
    const env = await runCliOnTerminal(['--help'], 'Usage', '', { NO_COLOR: '1' });
    expect(env?.stdout).not.toContain('\u001b[');
    const piped = await runCli(['--help'], { env: { NO_COLOR: undefined } });
    expect(piped.stdout).not.toContain('\u001b[');
  });

  it('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    const { readFileSync } = await import('node:fs');
    const { PACKAGE_DIR } = await import('./helpers.js');
    expect(result.stdout.trim()).toBe((JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('completion scripts for bash, zsh, fish and powershell; __complete answers from the generated index', async () => {
    for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
      const result = await runCli(['completion', shell]);
      expect(result.code, shell).toBe(0);
      expect(result.stdout, shell).toContain('mgkit __complete');
    }
    const top = await runCli(['__complete', 'ser']);
    expect(top.stdout.split('\n')).toContain('service-principals');
    const options = await runCli(['__complete', ...APP, '--app']);
    expect(options.stdout.trim().split('\n')).toEqual(['--application-id']);
    const bad = await runCli(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
  });
});

describe('no secret leaks in this file', () => {
  it('no planted credential value or token appears in any captured output', () => {
    expect(captured.length).toBeGreaterThan(40);
    expect(findLeaks(captured)).toEqual([]);
  });
});
