import type { ServerEnvironment } from '../../src-shared/contract';

/**
 * `--server local|local:<port>|us|eu|<https URL>` → the server sign-in preselects. `npm start` passes `local` (or
 * `local:<port>` when 8443 was taken) after starting the backend on this computer. Anything else is refused with a
 * message, not silently ignored.
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
  const local = /^local:(\d{1,5})$/i.exec(value);
  if (local) {
    const port = Number(local[1]);
    if (port < 1 || port > 65535) throw new Error(`--server local:<port> needs a port from 1 to 65535, not ${port}.`);
    return { kind: 'local', port };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--server must be local, local:<port>, us, eu or a server URL, not "${value}".`);
  }
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('--server must use https (plain http only for this computer).');
  }
  return { kind: 'selfHosted', baseUrl: url.origin + url.pathname.replace(/\/+$/, '') };
}
