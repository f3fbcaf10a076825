#!/usr/bin/env node
import { outputError } from '../util/output-files.js';
import { isClosedPipe, runCli } from './cli.js';
import { processIo } from './io.js';

// Any failure to write standard output but a closed pipe (`vnreform schema > /dev/full`) is said in
// words, exit 73; a reader that went away (`| head`) ends the run quietly, exit 0.
process.stdout.on('error', (err) => {
  if (isClosedPipe(err)) process.exit(0);
  process.stderr.write(`vnreform: ${outputError('standard output', err).message}\n`);
  process.exit(73);
});

runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
