import type { ServerEnvironment } from '../../src-shared/contract';

/**
 * `--server local|us|eu|<https URL>` → the server sign-in preselects. `npm start` passes `local` after starting the
 * backend on this computer. Anything else is refused with a message, not silently ignored.
 */
export function parseServerFlag(value: string | undefined): ServerEnvironment | null {
  if (value === undefined) return null;
  const named: Record<string, ServerEnvironment> = {
    local: { kind: 'local' },
    us: { kind: 'bitwardenUs' },
    eu: { kind: 'bitwardenEu' },
  };
  const known = named[value.toLowerCase()];
  if (known) return known;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--server must be local, us, eu or a server URL, not "${value}".`);
  }
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('--server must use https (plain http only for this computer).');
  }
  return { kind: 'selfHosted', baseUrl: url.origin + url.pathname.replace(/\/+$/, '') };
}
