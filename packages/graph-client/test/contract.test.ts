import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnonymousAuthenticationProvider, ResponseHandlerOption, type ResponseHandler } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter } from '@microsoft/kiota-http-fetchlibrary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient, type AcquireAccessTokenPostRequestBody, type GraphClient, type ODataError, type SynchronizationSecret } from '../src/index.js';

const specFile = fileURLToPath(new URL('../../../specs/openapi/acquireAccessToken.yaml', import.meta.url));
const prismCli = path.join(path.dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `prism mock --errors` on the description: requests that violate it get a 422. */
async function startPrism(port: number): Promise<{ child: ChildProcessWithoutNullStreams; log: () => string }> {
  const child = spawn(process.execPath, [prismCli, 'mock', '--errors', '-h', '127.0.0.1', '-p', String(port), specFile], {
    stdio: 'pipe',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${output}`));
    });
  });
  return { child, log: () => output };
}

/** Records the HTTP status instead of letting Kiota map it (so an accepted request shows its 2xx). */
function statusRecorder(statuses: number[]): ResponseHandlerOption {
  const handler: ResponseHandler = {
    handleResponse: async <NativeResponseType, ModelType>(response: NativeResponseType): Promise<ModelType | undefined> => {
      statuses.push((response as unknown as Response).status);
      return undefined;
    },
  };
  const option = new ResponseHandlerOption();
  option.responseHandler = handler;
  return option;
}

const body: AcquireAccessTokenPostRequestBody = {
  credentials: [
    { key: 'UserName', value: 'admin@contoso.com' },
    { key: 'Password', value: 'secret' },
  ],
};

describe('contract: Prism (--errors) mocking specs/openapi/acquireAccessToken.yaml', () => {
  let prism: Awaited<ReturnType<typeof startPrism>> | undefined;
  let client: GraphClient;
  beforeAll(async () => {
    const port = await freePort();
    prism = await startPrism(port);
    client = createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider()), { baseUrl: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    const child = prism?.child;
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('accepts the request of both operations (2xx)', async () => {
    const statuses: number[] = [];
    await client.applications.byApplicationId('a b/cü').synchronization.acquireAccessToken.post(body, { options: [statusRecorder(statuses)] });
    await client.servicePrincipals.byServicePrincipalId('sp-1').synchronization.acquireAccessToken.post(body, { options: [statusRecorder(statuses)] });
    expect(statuses).toHaveLength(2);
    expect(statuses.filter((status) => status < 200 || status > 299)).toEqual([]);
    // …and without the recorder the call simply resolves.
    await expect(client.applications.byApplicationId('app').synchronization.acquireAccessToken.post(body)).resolves.toBeUndefined();
  });

  it('rejects a request with an unknown key (422): the check can fail', async () => {
    const bad: AcquireAccessTokenPostRequestBody = { credentials: [{ key: 'NotASecretKey' as SynchronizationSecret, value: 'x' }] };
    let failure: ODataError | undefined;
    try {
      await client.applications.byApplicationId('app').synchronization.acquireAccessToken.post(bad);
    } catch (error) {
      failure = error as ODataError;
    }
    expect(failure?.responseStatusCode).toBe(422);
    expect(failure?.responseHeaders?.['sl-violations']?.join(',')).toContain('credentials.0.key');
    expect(prism?.log()).toContain('Request did not pass the validation rules');
  });
});
