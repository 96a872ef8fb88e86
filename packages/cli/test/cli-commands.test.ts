/**
 * The built `mgkit` binary against a local Graph-like server: every parameter set of both
 * cmdlets, input forms, pipeline, what-if, confirm, pass-thru, headers, exit codes, output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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
  record,
  runCli,
  spawnCli,
  runCliOnTerminal,
  startCaptureServer,
} from './helpers.js';

/** The error line without the client-request-id every request carries (a fresh UUID), which must be there. */
function withoutClientRequestId(stderr: string): string {
  expect(stderr).toMatch(/, client-request-id: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\)/);
  return stderr.replace(/, client-request-id: [0-9a-f-]{36}\)/, ')');
}

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
      '--application-id',
      'app-1',
      '--credentials',
      'BaseAddress=https://scim.example.com',
      '--credentials',
      `SecretToken=${PLANTED_CREDENTIAL}`,
      '--credentials',
      `Password=@${join(files, 'secret.txt')}`,
      '--additional-properties',
      '{"extra":{"note":"kept"}}',
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

  it('PowerShell spellings in any case (-objectid), and -Switch:$true / -Switch:$false', async () => {
    const lower = await call([...APP, '-objectid', 'app-lower', '-credentials', 'BaseAddress=https://ps.example']);
    expect(lower.code).toBe(0);
    expect(lower.sent[0]?.url).toBe(APP_PATH('app-lower'));
    const whatIf = await call([...APP, '-ObjectId', 'app-whatif', '-WhatIf:$true']);
    expect(whatIf.code).toBe(0);
    expect(whatIf.sent).toHaveLength(0);
    const sent = await call([...APP, '-ObjectId', 'app-sent', '-WhatIf:$false', '-Confirm:$false']);
    expect(sent.code).toBe(0);
    expect(sent.sent[0]?.url).toBe(APP_PATH('app-sent'));
    const wrong = await call([...APP, '-ObjectId', 'app-x', '-WhatIf:maybe']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe("error: -WhatIf: a switch takes :$true or :$false, not 'maybe'\n");
    // what bash makes of an unquoted -WhatIf:$false
    const expanded = await call([...APP, '-ObjectId', 'app-x', '-WhatIf:']);
    expect(expanded.code).toBe(2);
    expect(expanded.stderr).toBe("error: -WhatIf: the shell expanded $true or $false to nothing; quote it ('-WhatIf:$false'), or write --what-if or leave it out\n");
  });
});

describe('usage and validation errors (exit 2, nothing sent)', () => {
  it('a body property given by its option and again in --additional-properties is a usage error, not a silent drop', async () => {
    const result = await call([...APP, '--application-id', 'a', '--credentials', 'SecretToken=x', '--additional-properties', '{"credentials":[{"key":"Password","value":"p"}]}']);
    expect(result.code).toBe(2);
    expect(result.sent).toHaveLength(0);
    expect(result.stderr).toBe('error: --additional-properties sets credentials, which --credentials sets too; give it once\n');
  });

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
    const number = await call([...SP, '--input-object', '{"ServicePrincipalId":42}']);
    expect(number.code).toBe(2);
    expect(number.stderr).toBe('error: --input-object: ServicePrincipalId in the input object is a number; it must be the object\'s id as a string: {"ServicePrincipalId": "<id>"}\n');
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
    // another object's id on this command: its own key comes first
    const otherKey = await call([...SP, '-ApplicationId', 'a']);
    expect(otherKey.code).toBe(2);
    expect(otherKey.stderr).toMatch(/^error: unknown option -ApplicationId \(did you mean --service-principal-id[,?]/);
    for (const result of [json, file, option]) expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('two options reading stdin is a usage error; -ojson works as -o json', async () => {
    const both = await call([...APP, '--input-object', '-', '--body', '-'], { input: '{}' });
    expect(both.code).toBe(2);
    expect(both.sent).toHaveLength(0);
    expect(both.stderr).toBe('error: --body - and --input-object -: only one option can read stdin; give the others @file or a value\n');
    const attached = await call([...APP, '--application-id', 'a', '--pass-thru', '-ojson']);
    expect(attached.code).toBe(0);
    expect(attached.stdout).toBe('true\n');
  });

  it('a bad setting from the environment names the variable, not the option', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ MGKIT_OUTPUT: 'xml' }, "error: MGKIT_OUTPUT: unknown format 'xml'"],
      [{ MGKIT_TIMEOUT: 'abc' }, "error: MGKIT_TIMEOUT: 'abc' is not a positive number of seconds"],
      [{ MGKIT_CLOUD: 'Mars' }, "error: MGKIT_CLOUD: unknown cloud 'Mars'"],
    ];
    for (const [env, start] of cases) {
      const result = await call([...APP, '--application-id', 'a'], { env });
      expect(result.code).toBe(2);
      expect(result.stderr.startsWith(start), result.stderr).toBe(true);
    }
    const option = await call([...APP, '--application-id', 'a', '--timeout', 'abc'], { env: { MGKIT_TIMEOUT: '5' } });
    expect(option.stderr).toBe("error: --timeout: 'abc' is not a positive number of seconds\n");
  });

  it('a token given as --header Authorization is scrubbed like MGKIT_ACCESS_TOKEN, even when the service quotes it', async () => {
    const token = 'Header-Token-Value-7c1f';
    const result = await call([...APP, '--application-id', 'echo-auth', '--header', `Authorization: Bearer ${token}`]);
    expect(result.code).toBe(4);
    expect(result.sent[0]?.headers['authorization']).toBe(`Bearer ${token}`);
    expect(result.stderr).toContain('InvalidAuthenticationToken');
    expect(result.stderr).not.toContain(token);
  });

  it('a line break in a header value or in MGKIT_ACCESS_TOKEN is a usage error, not a network failure', async () => {
    const before = server.requests.length;
    const header = await call([...APP, '--application-id', 'a', '--header', 'X-A: b\r\nX-B: c']);
    expect(header.code).toBe(2);
    expect(header.stderr).toBe('error: --header: the value of X-A holds a line break or another control character; one header per --header\n');
    const token = await call([...APP, '--application-id', 'a'], { env: { MGKIT_ACCESS_TOKEN: `${PLANTED_TOKEN}\nX-Injected: 1` } });
    expect(token.code).toBe(4);
    expect(token.stderr).toBe('error: MGKIT_ACCESS_TOKEN holds a space, a line break or another control character; set it to the token alone\n');
    expect(server.requests.length).toBe(before);
    // a pasted header value works: the token is what follows `Bearer `
    const pasted = await call([...APP, '--application-id', 'a'], { env: { MGKIT_ACCESS_TOKEN: `Bearer ${PLANTED_TOKEN}` } });
    expect(pasted.code).toBe(0);
    expect(server.requests.at(-1)?.headers['authorization']).toBe(`Bearer ${PLANTED_TOKEN}`);
  });

  it('a JSON error never quotes the input (it may hold a credential), and names where it is', async () => {
    const file = join(files, 'not-json.txt');
    writeFileSync(file, `${PLANTED_CREDENTIAL}\n`);
    const fromFile = await call([...APP, '--application-id', 'a', '--credentials', `@${file}`]);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toBe(`error: --credentials: ${file} is not valid JSON: it does not start like JSON (unexpected character at line 1, column 1)\n`);
    const inline = await call([...APP, '--application-id', 'a', '--body', `{"credentials":[{"key":"Password","value":"${PLANTED_CREDENTIAL}}]}`]);
    expect(inline.code).toBe(2);
    expect(inline.stderr).toMatch(/^error: --body: the value is not valid JSON: unterminated string at line 1, column \d+\n$/);
    // V8's message for a trailing comma quotes the text around it: the secret's tail, here.
    const trailing = join(files, 'trailing-comma.json');
    writeFileSync(trailing, `{"credentials":[\n  {"key":"SecretToken","value":"${PLANTED_CREDENTIAL}"},\n]}\n`);
    for (const source of [`@${trailing}`, '-']) {
      const result = await call([...APP, '--application-id', 'a', '--body', source], { input: readFileSync(trailing, 'utf8') });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`error: --body: ${source === '-' ? 'stdin' : trailing} is not valid JSON: a value expected (a trailing comma?) at line 3, column 1\n`);
    }
    const ndjson = await call([...APP, '--input-object', '-'], { input: '{"ApplicationId":"a"}\n{"ApplicationId":\n' });
    expect(ndjson.stderr).toBe('error: --input-object: stdin record 2 (line 2) is not valid JSON: it ends too early (a missing } or ]?)\n');
    const pair = await call([...APP, '--application-id', 'a', '--credentials', PLANTED_CREDENTIAL]);
    expect(pair.code).toBe(2);
    expect(pair.stderr).toContain("--credentials: expected Key=Value (e.g. SecretToken=@token.txt), a JSON array, @file or -; the value has no '='");
    const header = await call([...APP, '--application-id', 'a', '--header', `Bearer ${PLANTED_CREDENTIAL}`]);
    expect(header.code).toBe(2);
    expect(header.stderr).toContain("--header: expected 'Name: value'");
    for (const result of [fromFile, inline, pair, header]) {
      expect(result.sent).toHaveLength(0);
      expect(result.stderr).not.toContain(PLANTED_CREDENTIAL.slice(0, 8));
    }
  });

  it('parser errors are one line in the same words: a stray argument, a missing value, a short option', async () => {
    const stray = await call([...APP, '--application-id', 'a', 'extra']);
    expect(stray.stderr).toBe("error: unexpected argument 'extra': values go right after their option; see --help\n");
    const missing = await call([...APP, '--application-id']);
    expect(missing.stderr).toMatch(/^error: option --application-id needs a value; [^\n]+\n$/);
    const short = await call([...APP, '-X']);
    expect(short.stderr).toBe('error: unknown option -X; see --help\n');
    for (const result of [stray, missing, short]) expect(result.code).toBe(2);
  });

  it('an invalid --query is a usage error before anything is sent', async () => {
    const result = await call([...APP, '--application-id', 'q', '--query', '[[[']);
    expect(result.code).toBe(2);
    expect(result.sent).toHaveLength(0);
    expect(result.stderr).toMatch(/^error: --query: invalid JMESPath expression '\[\[\['/);
  });

  it('--query prints nothing for a call without output, and names itself when it fails on a result', async () => {
    const quiet = await call([...APP, '--application-id', 'q-none', '--query', 'anything']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    const failing = await call([...APP, '--application-id', 'q-fail', '--pass-thru', '--query', 'length(@)']);
    expect(failing.sent).toHaveLength(1);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^error: --query 'length\(@\)' failed on the result: /);
    const twice = await call([...APP, '--application-id', 'q-twice', '--pass-thru', '--pass-thru']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('error: switch --pass-thru given 2 times; give it once\n');
  });

  it('an unknown command suggests the closest', async () => {
    const result = await runCli(['aplications']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean applications');
  });

  it('a typo deeper in the command, or in an option before it, is named with a suggestion; stdout stays empty', async () => {
    const cases: [string[], string][] = [
      [
        ['applications', 'synchronization', 'acquire-access-token', 'pst'],
        "error: unknown command 'applications synchronization acquire-access-token pst' (did you mean applications synchronization acquire-access-token post?); run 'mgkit applications synchronization acquire-access-token --help'\n",
      ],
      [['--outptu', 'json'], "error: unknown option --outptu (did you mean --output?); run 'mgkit --help'\n"],
      [['--bogus'], "error: unknown option --bogus; run 'mgkit --help'\n"],
    ];
    for (const [args, stderr] of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toBe(stderr);
      expect(result.stdout, args.join(' ')).toBe('');
    }
    // no command but valid options: the help explains, on stderr
    const bare = await runCli(['--debug']);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage:');
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

  it("pretty-printed objects one after another (as `jq '.[]'` writes them) and a JSON array work the same", async () => {
    const stream = `${JSON.stringify({ ApplicationId: 'jq-1', displayName: 'a } b' }, null, 2)}\n${JSON.stringify({ ApplicationId: 'jq-2' }, null, 2)}\n`;
    const result = await call([...APP, '--input-object', '-'], { input: stream });
    expect(result.code).toBe(0);
    expect(result.sent.map((request) => request.url)).toEqual([APP_PATH('jq-1'), APP_PATH('jq-2')]);
    const array = await call([...APP, '--input-object', '[{"ApplicationId":"arr-1"},{"ApplicationId":"arr-2"}]']);
    expect(array.sent.map((request) => request.url)).toEqual([APP_PATH('arr-1'), APP_PATH('arr-2')]);
    expect(array.stderr).toContain('record 2/2 (application-id=arr-2): ok');
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
    const result = await call([
      ...APP,
      '--application-id',
      'wi-1',
      '--credentials',
      `SecretToken=${PLANTED_CREDENTIAL}`,
      '--credentials',
      'BaseAddress=https://b.example',
      '--header',
      'X-Trace: abc',
      '--what-if',
    ]);
    expect(result.code).toBe(0);
    expect(result.sent).toHaveLength(0);
    expect(result.stdout).toContain(`POST ${server.url}/applications/wi-1/synchronization/microsoft.graph.acquireAccessToken`);
    expect(result.stdout).toContain('Authorization: Bearer ***');
    expect(result.stdout).toContain('Content-Type: application/json');
    expect(result.stdout).toContain('X-Trace: abc');
    // a secret key's value is masked; an endpoint's is shown, to check before sending
    expect(result.stdout).toContain('"key": "SecretToken",\n      "value": "***"');
    expect(result.stdout).toContain('"key": "BaseAddress",\n      "value": "https://b.example"');
    expect(result.stdout).not.toContain(PLANTED_CREDENTIAL);
  });

  it('--what-if when not signed in says so, and shows no Authorization header', async () => {
    const result = await call([...APP, '--application-id', 'wi-anon', '--credentials', 'UserName=admin@contoso.com', '--what-if'], { env: { MGKIT_ACCESS_TOKEN: undefined } });
    expect(result.code).toBe(0);
    expect(result.sent).toHaveLength(0);
    expect(result.stdout).toContain("Sent now, it would carry no credentials and fail (exit 4): not signed in: run 'mgkit login', or set MGKIT_ACCESS_TOKEN.");
    expect(result.stdout).not.toMatch(/Authorization/i);
    // UserName is an identity, not a secret
    expect(result.stdout).toContain('"key": "UserName",\n      "value": "admin@contoso.com"');
    const data = await call([...APP, '--application-id', 'wi-anon', '--what-if', '--query', '[signedIn, notSignedIn]'], { env: { MGKIT_ACCESS_TOKEN: undefined } });
    expect(JSON.parse(data.stdout)).toEqual([false, "not signed in: run 'mgkit login', or set MGKIT_ACCESS_TOKEN"]);
  });

  it('--what-if --query applies to the request without -o', async () => {
    const result = await call([...APP, '--application-id', 'wi-q', '--what-if', '--query', 'url']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toBe(`${server.url}/applications/wi-q/synchronization/microsoft.graph.acquireAccessToken`);
  });

  it('--what-if -o json prints the same request as data (for scripts), and --query picks from it', async () => {
    const result = await call([...APP, '--application-id', 'wi-json', '--credentials', `SecretToken=${PLANTED_CREDENTIAL}`, '--what-if', '-o', 'json']);
    expect(result.code).toBe(0);
    expect(result.sent).toHaveLength(0);
    expect(JSON.parse(result.stdout)).toEqual({
      whatIf: true,
      operation: 'Get-MgApplicationSynchronizationAccessToken',
      target: 'application-id=wi-json',
      signedIn: true,
      method: 'POST',
      url: `${server.url}/applications/wi-json/synchronization/microsoft.graph.acquireAccessToken`,
      headers: { Accept: 'application/json', Authorization: 'Bearer ***', 'Content-Type': 'application/json' },
      body: { credentials: [{ key: 'SecretToken', value: '***' }] },
    });
    const url = await call([...APP, '--application-id', 'wi-json', '--what-if', '--query', 'method', '-o', 'tsv']);
    expect(url.stdout).toBe('POST\n');
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

  it('Ctrl+C at the confirmation prompt is an interruption (130), and nothing is sent', async () => {
    const before = server.requests.length;
    const result = await runCliOnTerminal([...APP, '--application-id', 'tty-int', '--confirm', '--base-url', server.url], '[y/N]', '\u0003', auth);
    if (!result) return; // no util-linux `script` here
    expect(result.code).toBe(130);
    expect(result.stdout).toContain('interrupted at the confirmation prompt; nothing was sent');
    expect(server.requests.length).toBe(before);
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

  it('--response-headers to a place it cannot write is a usage error before anything is sent', async () => {
    for (const sink of ['/nonexistent-dir/headers.json', files]) {
      const result = await call([...APP, '--application-id', 'a', '--response-headers', sink]);
      expect(result.code, sink).toBe(2);
      expect(result.sent, sink).toHaveLength(0);
      expect(result.stderr, sink).toMatch(new RegExp(`^error: --response-headers ${sink.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: cannot write the file \\((ENOENT|EISDIR)\\)\\n$`));
    }
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
    expect(withoutClientRequestId(result.stderr)).toBe('error: 500 InternalServerError: Something went wrong. (request-id: req-500)\n');
    const bad = await call([...APP, '--application-id', 'bad']);
    expect(bad.code).toBe(1);
    expect(withoutClientRequestId(bad.stderr)).toBe('error: 400 BadRequest: Invalid credentials key. (request-id: req-400)\n');
  });

  it("1: an error page that is not OData (a gateway's HTML) still gives status, text and request-id on one line", async () => {
    const result = await call([...APP, '--application-id', 'gateway']);
    expect(result.code).toBe(1);
    expect(withoutClientRequestId(result.stderr)).toBe('error: 502 Bad Gateway: Bad Gateway upstream timed out (text/html response) (request-id: req-502)\n');
    const json = await call([...APP, '--application-id', 'plainjson']);
    expect(json.code).toBe(1);
    expect(withoutClientRequestId(json.stderr)).toBe('error: 500 Internal Server Error: {"message":"database down"} (application/json response) (request-id: req-500j)\n');
  });

  it('1: an unreachable service or a failed TLS handshake is one line naming the host and what to check', async () => {
    const refused = await runCli([...APP, '--application-id', 'x', '--base-url', 'http://127.0.0.1:1/v1.0'], { env: auth });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('error: cannot reach http://127.0.0.1:1 (ECONNREFUSED); check --base-url, --cloud and the network\n');
    const tls = await runCli([...APP, '--application-id', 'x', '--base-url', server.url.replace('http:', 'https:')], { env: auth });
    expect(tls.code).toBe(1);
    expect(tls.stderr).toMatch(/^error: TLS connection to https:\/\/127\.0\.0\.1:\d+ failed \(\w+\); check --base-url/);
    expect(tls.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('2: usage', async () => {
    const result = await call([...APP]);
    expect(result.code).toBe(2);
  });

  it('3: not found (404)', async () => {
    const result = await call([...APP, '--application-id', 'missing']);
    expect(result.code).toBe(3);
    expect(withoutClientRequestId(result.stderr)).toBe("error: 404 Request_ResourceNotFound: Resource 'missing' does not exist. (request-id: req-404)\n");
  });

  it('4: authentication (401, 403, or no credentials at all)', async () => {
    const denied = await call([...APP, '--application-id', 'denied']);
    expect(denied.code).toBe(4);
    expect(denied.stderr).toContain('401 InvalidAuthenticationToken');
    const forbidden = await call([...APP, '--application-id', 'forbidden']);
    expect(forbidden.code).toBe(4);
    // a 403 names the least-privileged permissions (specs/permissions.yaml) and how to sign in with them
    expect(withoutClientRequestId(forbidden.stderr)).toBe(
      'error: 403 Authorization_RequestDenied: Insufficient privileges. (request-id: req-403); this call needs delegated Synchronization.ReadWrite.All (sign in with: mgkit login --scopes Synchronization.ReadWrite.All) or application Application.ReadWrite.OwnedBy (granted to the app, then mgkit login --client-secret …)\n',
    );
    const none = await call([...APP, '--application-id', 'x'], { env: { MGKIT_ACCESS_TOKEN: undefined } });
    expect(none.code).toBe(4);
    expect(none.stderr).toContain("not signed in: run 'mgkit login', or set MGKIT_ACCESS_TOKEN");
    expect(none.sent).toHaveLength(0);
  });

  it('130: SIGINT during a hanging request', async () => {
    const before = server.requests.length;
    const result = await spawnCli([...APP, '--application-id', 'hang', '--base-url', server.url], {
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

  it('130: Ctrl+C while typing --body - at a terminal (stdin is read without blocking signals)', async () => {
    const before = server.requests.length;
    const result = await runCliOnTerminal([...APP, '--application-id', 'stdin-int', '--body', '-', '--base-url', server.url], 'end with Ctrl+D', '{"cre\u0003', auth);
    if (!result) return; // no util-linux `script` here
    expect(result.code).toBe(130);
    expect(result.stdout).toContain('interrupted');
    expect(server.requests.length).toBe(before);
  });

  it('--timeout ends a hanging request with exit 1', async () => {
    const result = await call([...APP, '--application-id', 'hang', '--timeout', '0.3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: the request timed out after 0.3 s (--timeout)\n');
  });

  it('a 429 is retried after its Retry-After while the call stays within --timeout, and says so on stderr', async () => {
    const before = server.requests.length;
    const result = await call([...APP, '--application-id', 'throttled-once']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('mgkit: the service throttled the request (429 Too Many Requests); waiting 1 s as its Retry-After asks (retry 1 of 3)\n');
    expect(server.requests.length - before).toBe(2);
    // one call, one client-request-id: the retry carries the first attempt's
    const [first, second] = server.requests.slice(before);
    expect(first?.headers['client-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second?.headers['client-request-id']).toBe(first?.headers['client-request-id']);
  });

  it('names mgkit and its version in the User-Agent, beside Kiota, and a fresh client-request-id per call', async () => {
    const { version } = JSON.parse((await import('node:fs')).readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const one = await call([...APP, '--application-id', 'ua-1']);
    const two = await call([...APP, '--application-id', 'ua-2']);
    expect(one.sent[0]?.headers['user-agent']).toMatch(new RegExp(`^kiota-typescript/\\S+ mgkit/${version.replace(/\./g, '\\.')}$`));
    expect(one.sent[0]?.headers['client-request-id']).not.toBe(two.sent[0]?.headers['client-request-id']);
    // a --header of the caller's own wins
    const own = await call([...APP, '--application-id', 'ua-3', '--header', 'client-request-id: mine-1']);
    expect(own.sent[0]?.headers['client-request-id']).toBe('mine-1');
  });

  it('a 429 whose Retry-After passes --timeout fails at once with exit 1, naming the wait', async () => {
    const result = await call([...APP, '--application-id', 'throttled-long', '--timeout', '5']);
    expect(result.sent).toHaveLength(1); // no retry: an hour's wait would outlast --timeout
    expect(result.code).toBe(1);
    expect(withoutClientRequestId(result.stderr)).toBe('error: 429 TooManyRequests: Too many requests. (request-id: req-429) (the service asks to retry after 3600 s, past --timeout)\n');
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
    expect(result.stderr).toContain('>       "value": "***"');
    // every line is marked with its direction: the body's lines too
    for (const line of result.stderr.trimEnd().split('\n')) expect(line, line).toMatch(/^[<>] /);
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
    // one object: a name/value line per field, cut to the terminal's width
    const table = await runCli([...statusArgs, '-o', 'table'], { env: { ...auth, COLUMNS: '40' } });
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(['source', 'account', 'tenant', 'scopes', 'expiresOn', 'expired']);
    expect(lines[1]).toMatch(/^account\s+ci@contoso\.example$/);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(lines[3]).toMatch(/…$/);
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
    for (const [format, expected] of [
      ['json', 'true\n'],
      ['yaml', 'true\n'],
      ['table', 'true\n'],
      ['tsv', 'true\n'],
      ['none', ''],
    ] as const) {
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
      'Keys: None, UserName, Password, SecretToken, AppKey, BaseAddress,',
      'Examples:',
      'POST https://graph.microsoft.com/v1.0/applications/{application-id}/synchronization/microsoft.graph.acquireAccessToken',
      'https://learn.microsoft.com/graph/api/synchronization-synchronization-acquireaccesstoken',
      'Permissions (least privileged): delegated Synchronization.ReadWrite.All; application Application.ReadWrite.OwnedBy',
    ]) {
      expect(help.stdout).toContain(text);
    }
    // `help [command…]`, `-?` and a bare group are help too, on stdout with exit 0 (as gh and az)
    for (const args of [['help'], ['-?'], ['help', 'service-principals'], ['service-principals'], ['service-principals', '-?']]) {
      const asked = await runCli(args);
      expect(asked.code, args.join(' ')).toBe(0);
      expect(asked.stderr, args.join(' ')).toBe('');
      expect(asked.stdout, args.join(' ')).toContain('Usage:');
    }
    const leaf = await runCli(['help', ...SP]);
    expect(leaf.code).toBe(0);
    expect(leaf.stdout).toContain('Usage (one line per parameter set):');
    const completionHelp = await runCli(['completion', '--help']);
    expect(completionHelp.code).toBe(0);
    expect(completionHelp.stdout).toContain('eval "$(mgkit completion bash)"');
    const shortVersion = await runCli(['-v']);
    expect(shortVersion.stderr).toBe("error: unknown option -v (did you mean --version?); run 'mgkit --help'\n");
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

  it('--version prints the package version, also after a command (which then sends nothing)', async () => {
    const result = await runCli(['--version']);
    const { readFileSync } = await import('node:fs');
    const { PACKAGE_DIR } = await import('./helpers.js');
    const version = (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
    expect(result.stdout).toBe(`${version}\n`);
    const afterCommand = await call([...APP, '--application-id', 'v', '--version']);
    expect(afterCommand.code).toBe(0);
    expect(afterCommand.stdout).toBe(`${version}\n`);
    expect(afterCommand.sent).toHaveLength(0);
  });

  it('help text comes from the help and the description: no placeholders, no bare ".", usage lines wrap between options', async () => {
    for (const command of [APP, SP]) {
      const help = await runCli([...command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).not.toMatch(/\{\{|\}\}|NOTES section|^\s*\.\s*$/m);
      const usage = help.stdout.slice(help.stdout.indexOf('Usage'), help.stdout.indexOf('Alias:'));
      for (const line of usage.split('\n')) {
        // an option and its value placeholder stay together
        expect(line, line).not.toMatch(/ --(application-id|service-principal-id|input-object|body)$/);
        expect(line, line).not.toMatch(/^\s*<[^>]*>/);
        expect(line.length, line).toBeLessThanOrEqual(100);
      }
    }
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

  it('completion knows option values: --credentials keys from the enum, -o formats, --cloud names; files otherwise', async () => {
    const keys = await runCli(['__complete', ...APP, '--credentials', 'Sec']);
    expect(keys.stdout).toBe('SecretToken=\n');
    const formats = await runCli(['__complete', 'status', '-o', 't']);
    expect(formats.stdout).toBe('table\ntsv\n');
    const clouds = await runCli(['__complete', ...SP, '--cloud', 'US']);
    expect(clouds.stdout).toBe('USGov\nUSGovDoD\n');
    const body = await runCli(['__complete', ...APP, '--body', '']);
    expect(body.stdout).toBe('');
  });

  it('the bash script completes in a real bash: commands, options, Key= names', async () => {
    const { existsSync, mkdirSync, writeFileSync: write } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('./helpers.js');
    if (!existsSync('/bin/bash')) return;
    const bin = join(freshConfigHome(), 'bin');
    mkdirSync(bin);
    write(join(bin, 'mgkit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const script = (await runCli(['completion', 'bash'])).stdout;
    const probe = (words: string[]): string => {
      const line = `${script}\nCOMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _mgkit_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const result = spawnSync('/bin/bash', ['-c', line], { env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1' }, encoding: 'utf8' });
      record(`${result.stdout}\n${result.stderr}`);
      return result.stdout;
    };
    expect(probe(['mgkit', 'serv'])).toContain('service-principals');
    expect(probe(['mgkit', ...APP, '--object'])).toContain('--object-id');
    expect(probe(['mgkit', ...APP, '--credentials', 'BaseA'])).toContain('BaseAddress=');
  });

  it('the zsh and fish scripts complete in those shells too (when installed)', async () => {
    const { existsSync, mkdirSync, writeFileSync: write } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('./helpers.js');
    const home = freshConfigHome();
    const bin = join(home, 'bin');
    mkdirSync(bin);
    write(join(bin, 'mgkit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1' };
    const run = (shell: string, code: string): string => {
      const result = spawnSync(shell, ['-c', code], { env, encoding: 'utf8' });
      record(`${result.stdout}\n${result.stderr}`);
      return result.stdout;
    };
    if (existsSync('/usr/bin/zsh')) {
      write(join(home, 'c.zsh'), (await runCli(['completion', 'zsh'])).stdout);
      // compadd stubbed: what the completion function would offer
      const zsh = run(
        '/usr/bin/zsh',
        `compdef() { :; }; compadd() { print -r -- "$*" "\${(@P)\${@[-1]}}"; }; source ${join(home, 'c.zsh')}; words=(mgkit ${APP.join(' ')} --credentials Secr); CURRENT=7; _mgkit`,
      );
      expect(zsh).toContain('-S  -a candidates SecretToken=');
    }
    if (existsSync('/usr/bin/fish')) {
      write(join(home, 'c.fish'), (await runCli(['completion', 'fish'])).stdout);
      const fish = run('/usr/bin/fish', `source ${join(home, 'c.fish')}; complete -C"mgkit ${APP.join(' ')} --credentials Secr"; complete -C"mgkit ser"`);
      expect(fish.split('\n')).toEqual(expect.arrayContaining(['SecretToken=', 'service-principals']));
    }
  });
});

describe('no secret leaks in this file', () => {
  it('no planted credential value or token appears in any captured output', () => {
    expect(captured.length).toBeGreaterThan(40);
    expect(findLeaks(captured)).toEqual([]);
  });
});
