// Types for scripts/localServer.mjs (used by the end-to-end fixtures in TypeScript).
export const localPort: number;
export function serverDataDir(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string;
export function caFile(dataDir: string): string;
export function accountsFile(dataDir: string): string;
export function portFile(dataDir: string): string;
export function lastPort(dataDir: string): number | null;
export function isServing(dataDir: string, port?: number): Promise<boolean>;
export function choosePort(preferred?: number): Promise<number | null>;

export interface LocalServer {
  url: string;
  port: number;
  dataDir: string;
  caPath: string;
  accountsFile: string;
  accounts: string;
  seededNow: boolean;
  seedSeconds: number | null;
  reused: boolean;
  stop(): Promise<void>;
}

export function startLocalServer(options?: {
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  port?: number;
  seed?: boolean;
  quiet?: boolean;
  log?: (line: string) => void;
}): Promise<LocalServer>;
