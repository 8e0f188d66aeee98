/** The `nianbao` executable. */
import { main } from './cli';
import { processIo } from './io';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`nianbao: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
