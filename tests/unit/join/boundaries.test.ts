// The join pages' import boundary (scripts/boundaries.mjs): browser code may use only pure crypto, zod and hash-wasm.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build script without types
import { checkFile } from '../../../scripts/boundaries.mjs';

const check = (file: string, source: string) => checkFile(file, source, '/repo') as string[];

describe('join pages import boundary', () => {
  it.each([
    [`import { createHash } from 'node:crypto';`, /Node built-in/],
    [`import got from 'got';`, /may import only/],
    [`import { app } from 'electron';`, /may import only/],
    [`import { rsaDecapsulate } from '../../src-main/crypto/rsa';`, /may import only/],
    [`import { toBase64 } from '../../src-main/crypto/encoding';`, /may import only/],
    [`import { deriveMasterKey } from '../../src-main/crypto';`, /may import only/],
    [`import { createServer } from '../../src-server/app';`, /may import only/],
  ])('refuses %s', (source, problem) => {
    const problems = check('src-join/crypto/x.ts', source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('allows the pure crypto modules, zod, hash-wasm and its own folder', () => {
    const source = [
      `import { parseEncString } from '../../src-main/crypto/encString';`,
      `import { CryptoError } from '../../src-main/crypto/errors';`,
      `import { kdfFromPrelogin } from '../../src-main/crypto/kdf';`,
      `import { EFF_LONG_WORDLIST } from '../../src-main/crypto/effWordlist';`,
      `import { z } from 'zod';`,
      `const { argon2id } = await import('hash-wasm');`,
      `import { toBase64 } from './webEncoding';`,
    ].join('\n');
    expect(check('src-join/crypto/x.ts', source)).toEqual([]);
  });

  it('keeps the shared pure modules pure', () => {
    expect(check('src-main/crypto/kdf.ts', `import { createHash } from 'node:crypto';`)[0]).toMatch(/pure crypto/);
    expect(check('src-main/crypto/encString.ts', `import { x } from './primitives';`)[0]).toMatch(/pure crypto/);
    expect(check('src-main/crypto/encString.ts', `import { x } from './encoding'; import { z } from 'zod';`)).toEqual(
      [],
    );
  });
});
