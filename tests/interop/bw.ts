// Runs the official Bitwarden CLI (`@bitwarden/cli`, pinned in package.json) as one account: its own app-data
// folder, the test CA trusted through NODE_EXTRA_CA_CERTS, no prompts (bitwarden-api.md §13.7).
import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BW = realpathSync(join(import.meta.dirname, '../../node_modules/.bin/bw'));

export interface BwResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class BwAccount {
  readonly appDir = mkdtempSync(join(tmpdir(), 'pd-bw-'));
  session = '';
  /** Every call made, with what it printed (for the report and for failures). */
  readonly log: { args: string[]; result: BwResult }[] = [];

  constructor(
    private readonly caPath: string,
    private readonly password: string,
  ) {}

  run(args: string[], o: { input?: string; session?: boolean; timeoutMs?: number } = {}): Promise<BwResult> {
    const fullArgs = o.session === false || !this.session ? args : [...args, '--session', this.session];
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: this.appDir,
      BITWARDENCLI_APPDATA_DIR: this.appDir,
      NODE_EXTRA_CA_CERTS: this.caPath,
      BW_NOINTERACTION: 'true',
      BW_PASSWORD: this.password,
      NO_COLOR: '1',
    };
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BW, ...fullArgs], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 90_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        const result = { code, stdout: stdout.trim(), stderr: stderr.trim() };
        // The transcript never shows session keys.
        const logged = args[0] === 'login' ? { ...result, stdout: result.stdout ? '<session key>' : '' } : result;
        this.log.push({ args: fullArgs.map((a) => (a === this.session && a ? '<session>' : a)), result: logged });
        resolve(result);
      });
      child.stdin.end(o.input ?? '');
    });
  }

  /** Runs and fails with the CLI's own output unless it exits 0. */
  async ok(args: string[], o: { input?: string; session?: boolean } = {}): Promise<string> {
    const r = await this.run(args, o);
    if (r.code !== 0)
      throw new Error(`bw ${args[0]} ${args[1] ?? ''} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
    return r.stdout;
  }

  async json<T = any>(args: string[]): Promise<T> {
    return JSON.parse(await this.ok(args)) as T;
  }

  async login(serverUrl: string, email: string): Promise<void> {
    await this.ok(['config', 'server', serverUrl], { session: false });
    this.session = await this.ok(['login', email, '--passwordenv', 'BW_PASSWORD', '--raw'], { session: false });
    if (!this.session) throw new Error('bw login printed no session key');
  }

  dispose(): void {
    rmSync(this.appDir, { recursive: true, force: true });
  }
}
