// Builds every bundle: boundary check, main + preload (electron-vite), the browser bridge, the SvelteKit renderer.
// `--if-stale` skips the build when no source or config file is newer than the last successful build; `--verbose`
// (or PD_BUILD_VERBOSE=1) shows the tools' own output, which is otherwise shown only when a step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'out', '.build-stamp');
const inputs = [
  'src-main',
  'src-preload',
  'src-renderer',
  'src-shared',
  'src-join',
  'resources',
  'package.json',
  'electron.vite.config.ts',
  'svelte.config.js',
  'scripts/build.mjs',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((input) => newestMtime(join(root, input)) > built);
}

const verbose = process.argv.includes('--verbose') || !!process.env.PD_BUILD_VERBOSE;

function run(label, command, args) {
  const started = Date.now();
  // Tool output goes to stderr (`npm start -- --web` keeps stdout for the one line that names the URL), and only
  // when a step fails or with --verbose: a good build is one line per step, without the tools' chatter.
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', verbose ? process.stderr : 'pipe', verbose ? process.stderr : 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    if (!verbose) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}\n`);
    console.error(`Build failed at: ${label}`);
    process.exit(result.status ?? 1);
  }
  console.error(`  ${label} (${Date.now() - started} ms)`);
}

const ifStale = process.argv.includes('--if-stale');
if (ifStale && !isStale()) {
  console.error('Build is up to date.');
} else {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  console.error('Building Provider Desk…');
  run('import boundaries', process.execPath, [join(root, 'scripts/check-boundaries.mjs')]);
  run('main and preload', bin('electron-vite'), ['build', '--logLevel', 'warn']);
  run('browser bridge', bin('vite'), ['build', '-c', 'src-preload/vite.web.config.ts', '--logLevel', 'warn']);
  run('renderer', bin('vite'), ['build', '-c', 'src-renderer/vite.config.ts', '--logLevel', 'warn']);
  run('join pages', bin('vite'), ['build', '-c', 'src-join/vite.config.ts', '--logLevel', 'warn']);
  mkdirSync(join(root, 'out'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}
