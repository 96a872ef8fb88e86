// Runs one peer generator over description files, one after the other in this one process (as
// mgkit-gen runs all units in one): node peer.mjs <openapi-typescript|hey-api> <outDir> <file…>
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [tool, outDir, ...files] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
for (const file of files) {
  const name = path.basename(file).replace(/\.ya?ml$/, '');
  if (tool === 'openapi-typescript') {
    const { default: openapiTS, astToString } = await import('openapi-typescript');
    // Graph's descriptions repeat some operationIds; mgkit warns, openapi-typescript's linter stops.
    const { createConfig } = await import('@redocly/openapi-core');
    const redocly = await createConfig({ rules: { 'operation-operationId-unique': 'off' } });
    const ast = await openapiTS(pathToFileURL(file), { redocly, silent: true });
    writeFileSync(path.join(outDir, `${name}.d.ts`), astToString(ast));
  } else if (tool === 'hey-api') {
    const { createClient } = await import('@hey-api/openapi-ts');
    await createClient({ input: file, output: path.join(outDir, name), logs: { level: 'silent' } });
  } else {
    throw new Error(`unknown peer ${tool}`);
  }
}
