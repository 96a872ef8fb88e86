#!/usr/bin/env node
const entry = new URL('../dist/cli.js', import.meta.url);
let main;
try {
  ({ main } = await import(entry.href));
} catch (error) {
  // a checkout where nothing built the generator yet: say how, in one line, instead of a stack
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(entry.pathname)) {
    process.stderr.write("mgkit-gen: the generator is not built yet (dist/cli.js is missing); run 'npm run build -w @mgkit/generator' in the repository root\n");
    process.exit(1);
  }
  throw error;
}

// The reader went away (`mgkit-gen inspect | head`): stop writing to it, and finish the run with
// its own exit code. Exiting there, as a viewer would, could cut a generate short between staging
// its files and writing them.
process.stdout.on('error', (error) => {
  if (error?.code !== 'EPIPE' && error?.code !== 'ERR_STREAM_DESTROYED') throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`mgkit-gen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
