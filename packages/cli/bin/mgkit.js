#!/usr/bin/env node
const entry = new URL('../dist/main.js', import.meta.url);
let main;
try {
  ({ main } = await import(entry.href));
} catch (error) {
  // a checkout where nothing built the CLI yet: say how, in one line, instead of a stack
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(entry.pathname)) {
    process.stderr.write("mgkit: this CLI is not built yet (dist/main.js is missing); run 'npm run build -w @mgkit/cli' in the repository root\n");
    process.exit(1);
  }
  throw error;
}

const code = await main(process.argv.slice(2));
// Exit as soon as the output is flushed: pooled keep-alive sockets must not hold the process.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
