import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build script without types
import { checkFile, checkTree } from '../../scripts/boundaries.mjs';

const root = '/repo';
const check = (file: string, source: string) => checkFile(file, source, root) as string[];

describe('import boundaries', () => {
  it('holds for the repository as it is', () => {
    expect(checkTree(process.cwd())).toEqual([]);
  });

  it.each([
    [
      'src-renderer/routes/+page.svelte',
      `<script lang="ts">import { readFileSync } from 'node:fs';</script>`,
      /Node built-in/,
    ],
    ['src-renderer/lib/api.ts', `import got from 'got';`, /main process/],
    ['src-renderer/lib/store.ts', `import Store from 'electron-store';`, /main process/],
    ['src-renderer/lib/x.ts', `import { createDesk } from '../../src-main/desk';`, /main-process code/],
    ['src-renderer/lib/y.ts', `const fs = await import('fs');`, /Node built-in/],
    ['src-preload/web.ts', `import { ipcRenderer } from 'electron';`, /outside the Electron preload/],
    ['src-preload/electron.ts', `import path from 'path';`, /Node built-in/],
    ['src-shared/contract/x.ts', `import got from 'got';`, /only zod/],
    ['src-shared/contract/y.ts', `import { x } from '../../src-main/desk';`, /only zod/],
    ['src-main/services/z.ts', `import { app } from 'electron';`, /outside src-main\/app/],
    ['src-server/routes/a.ts', `import { deriveMasterKey } from '../../src-main/crypto';`, /only src-server\/seed/],
  ])('%s: refuses %s', (file, source, problem) => {
    const problems = check(file, source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it.each([
    [
      'src-renderer/lib/a.ts',
      `import { z } from 'zod'; import { channels } from '$shared/contract'; import Dexie from 'dexie';`,
    ],
    ['src-preload/electron.ts', `import { contextBridge } from 'electron';`],
    ['src-shared/contract/a.ts', `import { z } from 'zod'; import { x } from './settings';`],
    ['src-main/app/electron.ts', `import { app } from 'electron'; import { join } from 'node:path';`],
    ['src-server/seed/demo.ts', `import { makeRegistration } from '../../src-main/crypto';`],
  ])('%s: allows %s', (file, source) => {
    expect(check(file, source)).toEqual([]);
  });
});
