/** Running the CLI: in-process through `main(argv, io)` with the real file system, or as the real `bin/nianbao.js`. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../cli/src/cli';
import { processIo } from '../../cli/src/io';
import { ROOT } from './paths';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `main` with the process's real file access; only the output streams and standard input are captured. */
export async function runCli(argv: readonly string[], stdin = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    ...processIo(),
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    readStdin: async () => stdin,
    color: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The installed executable in a child process, as `npx nianbao` runs it. */
export function runBin(argv: readonly string[], options: { stdin?: string | Buffer; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'nianbao.js'), ...argv], {
    cwd: options.cwd ?? ROOT,
    input: options.stdin ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
