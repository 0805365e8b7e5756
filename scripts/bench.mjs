// `npm run bench [-- flags]`: every performance budget of DESIGN.md on scale data, in one table (bench/run.ts).
// Builds first when the bundles are stale (the renderer measures run the built browser shell), then runs the
// benchmarks with tsx. Flags: --quick (smaller data, for development), --only server|renderer,
// --backend sqlite|postgres|both, --clients N, --events M, --no-build; see bench/run.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const run = (label, argv) => {
  const result = spawnSync(process.execPath, argv, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench: ${label} failed`);
    process.exit(result.status ?? 1);
  }
};

if (!args.includes('--no-build')) run('build', [join(root, 'scripts/build.mjs'), '--if-stale']);
run('benchmarks', ['--import', 'tsx', join(root, 'bench/run.ts'), ...args.filter((a) => a !== '--no-build')]);
