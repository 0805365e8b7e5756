import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../src-shared/contract';
import { HttpStatusError } from '../../../../src-main/bitwarden/httpErrors';
import { TokenKeeper } from '../../../../src-main/session/tokenKeeper';

function keeper(start = 1_000_000) {
  let clock = start;
  let issued = 0;
  const refresh = vi.fn(async () => ({ accessToken: `fresh-${++issued}`, expiresAt: clock + 3600_000 }));
  const tokens = new TokenKeeper(refresh, () => clock);
  return { tokens, refresh, advance: (ms: number) => (clock += ms), now: () => clock };
}

const status401 = () => new HttpStatusError('unauthorized', 'Unauthorized.', 401, null);

describe('token refresh rules', () => {
  it('uses the current token while more than five minutes are left, refreshes after', async () => {
    const k = keeper();
    k.tokens.set({ accessToken: 'first', expiresAt: k.now() + 3600_000 });
    expect(await k.tokens.accessToken()).toBe('first');
    k.advance(54 * 60_000);
    expect(await k.tokens.accessToken()).toBe('first');
    k.advance(2 * 60_000);
    expect(await k.tokens.accessToken()).toBe('fresh-1');
    expect(k.refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes when it has no token yet (after a restart)', async () => {
    const k = keeper();
    expect(await k.tokens.accessToken()).toBe('fresh-1');
  });

  it('shares one refresh between concurrent callers', async () => {
    const k = keeper();
    const tokens = await Promise.all([k.tokens.accessToken(), k.tokens.accessToken(), k.tokens.accessToken()]);
    expect(tokens).toEqual(['fresh-1', 'fresh-1', 'fresh-1']);
    expect(k.refresh).toHaveBeenCalledTimes(1);
  });

  it('on a 401 refreshes once and repeats the call with the new token', async () => {
    const k = keeper();
    k.tokens.set({ accessToken: 'revoked', expiresAt: k.now() + 3600_000 });
    const seen: string[] = [];
    const result = await k.tokens.withToken(async (token) => {
      seen.push(token);
      if (token === 'revoked') throw status401();
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toEqual(['revoked', 'fresh-1']);
  });

  it('a second 401 is the caller’s error: no refresh loop', async () => {
    const k = keeper();
    k.tokens.set({ accessToken: 'a', expiresAt: k.now() + 3600_000 });
    const call = vi.fn(async () => {
      throw status401();
    });
    await expect(k.tokens.withToken(call)).rejects.toMatchObject({ status: 401 });
    expect(call).toHaveBeenCalledTimes(2);
    expect(k.refresh).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for other errors, nor for an "unauthorized" that is not an HTTP 401', async () => {
    const k = keeper();
    k.tokens.set({ accessToken: 'a', expiresAt: k.now() + 3600_000 });
    await expect(
      k.tokens.withToken(async () => Promise.reject(new HttpStatusError('forbidden', 'no', 403, null))),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      k.tokens.withToken(async () => Promise.reject(new DeskError('unauthorized', 'locked'))),
    ).rejects.toThrow('locked');
    expect(k.refresh).not.toHaveBeenCalled();
  });

  it('a failed refresh is reported, and the next call tries again', async () => {
    let fail = true;
    const tokens = new TokenKeeper(async () => {
      if (fail) throw new DeskError('offline', 'Cannot reach');
      return { accessToken: 'late', expiresAt: Date.now() + 3600_000 };
    });
    await expect(tokens.accessToken()).rejects.toMatchObject({ code: 'offline' });
    fail = false;
    expect(await tokens.accessToken()).toBe('late');
  });
});
