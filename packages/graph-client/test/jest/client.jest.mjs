// Run by ../jest.test.ts with real Jest in ESM mode: a user's Jest test of the client.
import { AnonymousAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter } from '@microsoft/kiota-http-fetchlibrary';
import { createGraphClient } from '@mgkit/graph-client';

test('calls acquireAccessToken through the client', async () => {
  const client = createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider()), { baseUrl: `${process.env.CAPTURE_ORIGIN}/v1.0` });
  await client.applications.byApplicationId('from-jest').synchronization.acquireAccessToken.post({ credentials: [{ key: 'UserName', value: 'jest' }] });
});
