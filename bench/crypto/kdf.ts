/**
 * KDF timings on this machine: `npx tsx bench/crypto/kdf.ts [runs]`. Prints median/min/max per KDF; asserts
 * nothing. Runs the same code path as login (`deriveMasterKey`), so the figures are what a user waits for.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { deriveMasterKey, type KdfConfig } from '../../src-main/crypto';

const runs = Math.max(1, Number(process.argv[2] ?? 5));

const cases: [string, KdfConfig][] = [
  ['PBKDF2-SHA256, 600,000 iterations', { kdf: 0, iterations: 600_000 }],
  ['Argon2id, 64 MiB, t=3, p=4', { kdf: 1, iterations: 3, memory: 64, parallelism: 4 }],
  ['Argon2id, 32 MiB, t=6, p=4 (client default)', { kdf: 1, iterations: 6, memory: 32, parallelism: 4 }],
];

async function time(kdf: KdfConfig): Promise<number[]> {
  await deriveMasterKey('warm-up', 'bench@example.com', kdf);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await deriveMasterKey(`password ${i}`, 'bench@example.com', kdf);
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const ms = (value: number | undefined) => `${(value ?? 0).toFixed(0)} ms`.padStart(9);

console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${runs} runs each\n`);
console.log(`${'KDF'.padEnd(45)}${'median'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}`);
for (const [name, kdf] of cases) {
  const samples = await time(kdf);
  const middle = samples.length / 2;
  const median = Number.isInteger(middle)
    ? ((samples[middle - 1] ?? 0) + (samples[middle] ?? 0)) / 2
    : samples[Math.floor(middle)];
  console.log(`${name.padEnd(45)}${ms(median)}${ms(samples[0])}${ms(samples.at(-1))}`);
}
