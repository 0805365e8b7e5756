/**
 * An account's access token: refreshed shortly before it expires, and once more when the server answers 401
 * anyway (revoked, clock skew). Concurrent callers share one refresh.
 */
import { HttpStatusError } from '../bitwarden/httpErrors';

export interface TokenSet {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Refresh when less than this is left, as the official clients do (bitwarden-api.md §13.2). */
export const REFRESH_EARLY_MS = 5 * 60_000;

export class TokenKeeper {
  private current: TokenSet | null = null;
  private refreshing: Promise<TokenSet> | null = null;

  constructor(
    private readonly refresh: () => Promise<TokenSet>,
    private readonly now: () => number = Date.now,
  ) {}

  set(tokens: TokenSet | null): void {
    this.current = tokens;
  }

  async accessToken(): Promise<string> {
    const current = this.current;
    if (current && current.expiresAt - this.now() > REFRESH_EARLY_MS) return current.accessToken;
    return (await this.renew()).accessToken;
  }

  /** Runs `call` with a fresh token; on a 401, refreshes once and runs it again. A second 401 is thrown. */
  async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof HttpStatusError) || error.status !== 401) throw error;
      // Another caller may have refreshed while this one was in flight.
      const fresh = this.current && this.current.accessToken !== token ? this.current : await this.renew();
      return call(fresh.accessToken);
    }
  }

  private renew(): Promise<TokenSet> {
    this.refreshing ??= this.refresh()
      .then((tokens) => {
        this.current = tokens;
        return tokens;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }
}
