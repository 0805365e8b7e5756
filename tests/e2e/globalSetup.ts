// Seeds the demo template once per run as `npm start`'s first start does (`seed-demo`, then `serve` makes the
// local CA; about a minute here); workers copy it (tests/e2e/demoBackend.ts). While developing,
// `DESK_E2E_DEMO_TEMPLATE=<folder>` reuses a template seeded earlier (`npx tsx tests/e2e/seedTemplate.ts <folder>`).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { seedTemplate, TEMPLATE_ENV } from './demoBackend';

export default async function globalSetup(): Promise<(() => void) | undefined> {
  const given = process.env[TEMPLATE_ENV];
  if (given && existsSync(join(given, 'seed-summary.json')) && existsSync(join(given, 'tls', 'ca.crt'))) {
    console.log(`Using the demo template in ${given}`);
    return undefined;
  }
  const started = Date.now();
  const template = await seedTemplate();
  process.env[TEMPLATE_ENV] = template;
  console.log(`Seeded the demo template in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return () => rmSync(template, { recursive: true, force: true });
}
