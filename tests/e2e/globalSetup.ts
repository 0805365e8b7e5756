// Seeds the demo template once per run (~30 s); workers copy it (tests/e2e/demoBackend.ts).
import { rmSync } from 'node:fs';
import { seedTemplate, TEMPLATE_ENV } from './demoBackend';

export default async function globalSetup(): Promise<() => void> {
  const started = Date.now();
  const template = await seedTemplate();
  process.env[TEMPLATE_ENV] = template;
  console.log(`Seeded the demo template in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return () => rmSync(template, { recursive: true, force: true });
}
