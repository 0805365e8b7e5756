// Who may import what (DESIGN.md, "Processes and folders"), checked on every file's import specifiers.
// Like Signal Desktop's file-suffix lint rule, but by folder: a renderer file importing `got` fails the build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const sourceExtensions = /\.(ts|mts|cts|js|mjs|svelte)$/;
// Build configuration (vite.config.ts and the like) runs in Node at build time, not in the folder's process.
const buildConfig = /\.config\.(ts|js|mjs)$/;

/**
 * src-main/crypto modules with no Node import, which the join pages reuse. `encoding.ts` is not among them: it uses
 * Node's Buffer, so the page build (src-join/vite.config.ts) swaps it for src-join/crypto/webEncoding.ts.
 */
const PURE_CRYPTO = new Set(['encString', 'errors', 'kdf', 'effWordlist'].map((m) => `src-main/crypto/${m}`));

/** Each rule: which files it covers, and a function naming the problem with one import (or null when allowed). */
export const rules = [
  {
    name: 'renderer and preload stay out of Node and main',
    applies: (file) => file.startsWith('src-renderer/') || file.startsWith('src-preload/'),
    check: (spec, target, file) => {
      if (nodeBuiltins.has(spec)) return `imports the Node built-in "${spec}"`;
      if (/^(got|electron-store|conf)(\/|$)/.test(spec)) return `imports "${spec}", which belongs to the main process`;
      if (target?.startsWith('src-main/')) return `imports main-process code (${target})`;
      if (target?.startsWith('src-server/')) return `imports backend code (${target})`;
      if (/^electron(\/|$)/.test(spec) && file !== 'src-preload/electron.ts')
        return `imports "electron" outside the Electron preload`;
      return null;
    },
  },
  {
    name: 'src-shared imports only zod',
    applies: (file) => file.startsWith('src-shared/'),
    check: (spec, target) => {
      if (spec === 'zod') return null;
      if (target?.startsWith('src-shared/')) return null;
      return `imports "${spec}"; src-shared may import only zod`;
    },
  },
  {
    name: 'electron only in main app/ and platform/',
    applies: (file) => file.startsWith('src-main/') && !/^src-main\/(app|platform)\//.test(file),
    check: (spec) =>
      /^(electron|electron-store)(\/|$)/.test(spec)
        ? `imports "${spec}" outside src-main/app and src-main/platform`
        : null,
  },
  {
    // The backend's join pages run in a browser (DESIGN.md, "People who join"): WebCrypto, not node:crypto.
    name: 'join pages import only pure crypto, zod and hash-wasm',
    applies: (file) => file.startsWith('src-join/'),
    check: (spec, target) => {
      if (spec === 'zod' || spec === 'hash-wasm') return null;
      if (target?.startsWith('src-join/')) return null;
      if (target && PURE_CRYPTO.has(target.replace(/\.ts$/, ''))) return null;
      if (nodeBuiltins.has(spec)) return `imports the Node built-in "${spec}"`;
      return `imports "${spec}"; the join pages may import only ${[...PURE_CRYPTO].join(', ')}, zod and hash-wasm`;
    },
  },
  {
    name: 'pure crypto modules stay pure',
    applies: (file) => PURE_CRYPTO.has(file.replace(/\.ts$/, '')) || file === 'src-main/crypto/encoding.ts',
    check: (spec, target) => {
      if (spec === 'zod') return null;
      if (target && (PURE_CRYPTO.has(target.replace(/\.ts$/, '')) || target === 'src-main/crypto/encoding'))
        return null;
      return `imports "${spec}"; the join pages bundle this module, so it may import only zod and pure crypto`;
    },
  },
  {
    name: 'the backend does not reach into the app',
    applies: (file) => file.startsWith('src-server/'),
    check: (spec, target, file) => {
      if (/^(electron|electron-store|got|dexie)(\/|$)/.test(spec)) return `imports "${spec}"`;
      if (/^src-main\/crypto(\/|$)/.test(target ?? '') && file.startsWith('src-server/seed/')) return null;
      if (
        target?.startsWith('src-main/') ||
        target?.startsWith('src-renderer/') ||
        target?.startsWith('src-preload/')
      ) {
        return `imports app code (${target}); only src-server/seed may use src-main/crypto`;
      }
      return null;
    },
  },
];

export function importsOf(source, file) {
  const code = file.endsWith('.svelte')
    ? [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
    : source;
  const info = ts.preProcessFile(code, true, true);
  const dynamic = [...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  const required = [...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  return [...new Set([...info.importedFiles.map((f) => f.fileName), ...dynamic, ...required])];
}

/** Where a specifier points inside the repository, as a repo-relative path; undefined for packages. */
export function targetOf(spec, file, root) {
  if (spec.startsWith('$lib')) return join('src-renderer/lib', spec.slice(4)).split(sep).join('/');
  if (spec.startsWith('$shared')) return join('src-shared', spec.slice(7)).split(sep).join('/');
  if (!spec.startsWith('.')) return undefined;
  return relative(root, resolve(root, dirname(file), spec))
    .split(sep)
    .join('/');
}

export function checkFile(file, source, root) {
  const problems = [];
  for (const rule of rules.filter((r) => r.applies(file))) {
    for (const spec of importsOf(source, file)) {
      const problem = rule.check(spec, targetOf(spec, file, root), file);
      if (problem) problems.push(`${file}: ${problem} [${rule.name}]`);
    }
  }
  return problems;
}

function* walk(root, dir) {
  for (const entry of readdirSync(join(root, dir))) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(join(root, path)).isDirectory()) yield* walk(root, path);
    else if (sourceExtensions.test(entry) && !buildConfig.test(entry)) yield path.split(sep).join('/');
  }
}

export function checkTree(root) {
  const problems = [];
  for (const top of ['src-main', 'src-preload', 'src-renderer', 'src-shared', 'src-server', 'src-join']) {
    try {
      statSync(join(root, top));
    } catch {
      continue;
    }
    for (const file of walk(root, top)) problems.push(...checkFile(file, readFileSync(join(root, file), 'utf8'), root));
  }
  return problems;
}
