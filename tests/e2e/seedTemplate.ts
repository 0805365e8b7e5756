// `npx tsx tests/e2e/seedTemplate.ts <folder>`: seeds a demo template to reuse across Playwright runs while
// developing (DESK_E2E_DEMO_TEMPLATE=<folder>), made as `npm start` makes its data folder (seed-demo, then serve
// for the local CA). The test command seeds its own.
import { cpSync, rmSync } from 'node:fs';
import { seedTemplate } from './demoBackend';

const target = process.argv[2];
if (!target) throw new Error('usage: npx tsx tests/e2e/seedTemplate.ts <folder>');
const seeded = await seedTemplate();
rmSync(target, { recursive: true, force: true });
cpSync(seeded, target, { recursive: true });
rmSync(seeded, { recursive: true, force: true });
console.log(`Seeded the demo template into ${target}`);
