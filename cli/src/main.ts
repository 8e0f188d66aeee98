/** The `nianbao` executable. */
import { main } from './cli';
import { processIo } from './io';

// `nianbao check dir | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`nianbao: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
