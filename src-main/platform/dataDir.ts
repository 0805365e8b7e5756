import { homedir } from 'node:os';
import { join } from 'node:path';

/** The OS's per-user application data folder for Provider Desk (what Electron's `userData` would be). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Provider Desk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Provider Desk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'provider-desk');
}
