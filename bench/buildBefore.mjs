// The build the benchmark compares against ("before"): a commit of this repository (default `main`) exported into
// bench/tmp/before-<commit>/ and built there (tsc + esbuild), with this checkout's node_modules linked in, so that
// nothing is downloaded and no checkout is touched. `npm run bench` measures it beside this build in the same run.
//
// Usage: node bench/buildBefore.mjs [REF]   → prints the folder (reused when it is already built)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

/** The folder of a built copy of `ref` (built on first use). */
export function buildBefore(ref = 'main') {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(ROOT, 'bench', 'tmp', `before-${commit}`);
  const done = join(dir, '.built');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(dir, 'scripts', 'build.mjs')], { cwd: dir, stdio: 'inherit' });
  writeFileSync(done, `${commit}\n`);
  return dir;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(buildBefore(process.argv[2]));
