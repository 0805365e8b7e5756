// `npm run guide:screenshots`: runs the Playwright suite (which writes test-results/screenshots/*.png), then copies
// the pictures docs/guide.md shows into docs/screenshots/. Every image the guide links must have been written by
// this run; a missing or stale one fails the command and is named; pictures the guide no longer shows are removed.
// `--no-test` only copies (after `npm run test:e2e`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const from = join(root, 'test-results/screenshots');
const to = join(root, 'docs/screenshots');
const started = Date.now();

/** The images the guide links: `](screenshots/<name>.png)`. */
function guideImages(markdown) {
  return [...new Set([...markdown.matchAll(/\]\(screenshots\/([\w.-]+\.png)\)/g)].map((m) => m[1]))];
}

const images = guideImages(readFileSync(join(root, 'docs/guide.md'), 'utf8'));
let testsFailed = false;
if (!process.argv.includes('--no-test')) {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const e2e = spawnSync(join(root, 'node_modules/.bin/playwright'), ['test'], { cwd: root, stdio: 'inherit' });
  testsFailed = e2e.status !== 0;
}

mkdirSync(to, { recursive: true });
const problems = [];
for (const name of images) {
  const source = join(from, name);
  if (!existsSync(source)) {
    problems.push(`${name}: no test wrote it`);
    continue;
  }
  if (!process.argv.includes('--no-test') && statSync(source).mtimeMs < started) {
    problems.push(`${name}: not written by this run (its test failed or was skipped)`);
    continue;
  }
  copyFileSync(source, join(to, name));
}
// docs/screenshots/ holds exactly what the guide shows.
const unused = readdirSync(to).filter((f) => f.endsWith('.png') && !images.includes(f));
for (const file of unused) rmSync(join(to, file));
console.log(
  `guide screenshots: ${images.length - problems.length} of ${images.length} copied to docs/screenshots/` +
    (unused.length ? `; removed ${unused.join(', ')} (no longer in the guide)` : ''),
);
for (const problem of problems) console.error(`  ${problem}`);
if (testsFailed) console.error('Some end-to-end tests failed; their screenshots may be missing or out of date.');
process.exit(problems.length || testsFailed ? 1 : 0);
