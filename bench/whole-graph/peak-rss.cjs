// Preloaded (`node --require`) by the benchmarks: prints the process's peak RSS on stderr at exit.
process.on('exit', () => process.stderr.write(`\nmgkit-bench-peak-rss ${process.resourceUsage().maxRSS}\n`));
