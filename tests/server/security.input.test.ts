// Bodies that used to surface as 500s deeper down are refused with a 400 in the Bitwarden error shape before any
// route runs: JSON nested past 64 levels, NUL characters (PostgreSQL text refuses them; SQLite would store them).
// And the outbox mailer's log line says where a mail went, never its link or token.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src-server/config';
import { MAX_JSON_DEPTH, scanJson } from '../../src-server/http/bodyParsers';
import { createMailer } from '../../src-server/mail/mailer';
import { describeServer, TEST_CONFIG } from './harness';
import { createEnterpriseOrg, type WorldOrg } from './orgWorld';
import { passwordForm, registerAndLogin, type TestUser } from './users';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const expectModelState = (res: { status: number; body: any }, text: RegExp) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ object: 'error', message: 'The model state is invalid.' });
  expect(res.body.validationErrors[''][0]).toMatch(text);
};

describe('scanJson', () => {
  it('measures nesting outside strings and finds escaped NULs, not escaped backslashes', () => {
    expect(scanJson('{"a":[{"b":1}]}')).toEqual({ depth: 3, nul: false });
    expect(scanJson('"[[[[{{{"')).toEqual({ depth: 0, nul: false });
    expect(scanJson('{"a":"x\\"[[["}')).toEqual({ depth: 1, nul: false });
    expect(scanJson(JSON.stringify({ a: 'x\u0000y' })).nul).toBe(true);
    expect(scanJson(JSON.stringify({ 'k\u0000': 1 })).nul).toBe(true);
    expect(scanJson(JSON.stringify({ a: 'x\\u0000y' })).nul).toBe(false);
  });
});

describeServer('security: request bodies', (t) => {
  let owner: TestUser;
  let org: WorldOrg;

  beforeAll(async () => {
    owner = await registerAndLogin(t());
    org = await createEnterpriseOrg(t(), owner);
  });

  describe('nesting depth', () => {
    const deep = nested(5000);

    it('refuses deep JSON on import with 400', async () => {
      const res = await t().http.post(`/api/ciphers/import-organization?organizationId=${org.id}`, {
        token: owner.accessToken,
        raw: `{"ciphers":${deep},"collections":[],"collectionRelationships":[]}`,
      });
      expectModelState(res, /nested deeper than 64 levels/);
    });

    it('refuses deep JSON on policies with 400, and accepts 64 levels to the parser', async () => {
      const put = (data: string) =>
        t().http.put(`/api/organizations/${org.id}/policies/1`, {
          token: owner.accessToken,
          raw: `{"policy":{"enabled":true,"data":${data}}}`,
        });
      expectModelState(await put(deep), /nested deeper than 64 levels/);
      // At the limit the body parses; the route's own validation then answers (not the depth rule).
      const atLimit = await put(nested(MAX_JSON_DEPTH - 2));
      expect(atLimit.status).toBeLessThan(500);
      expect(JSON.stringify(atLimit.body)).not.toMatch(/nested deeper/);
    });
  });

  describe('NUL characters', () => {
    it('refuses \\u0000 in a JSON text field with 400 and stores nothing', async () => {
      const res = await t().http.put('/api/accounts/profile', {
        token: owner.accessToken,
        json: { name: 'Eve\u0000l', culture: 'en-US' },
      });
      expectModelState(res, /NUL character/);
      const row = await t().db.selectFrom('users').select('name').where('id', '=', owner.id).executeTakeFirstOrThrow();
      expect(row.name ?? '').not.toContain('\u0000');
    });

    it('refuses \\u0000 in a JSON key and inside nested bodies', async () => {
      const res = await t().http.put(`/api/organizations/${org.id}/policies/1`, {
        token: owner.accessToken,
        json: { policy: { enabled: true, data: { 'minLength\u0000': 12 } } },
      });
      expectModelState(res, /NUL character/);
    });

    it('refuses NUL in a form field on the identity token endpoint with 400', async () => {
      const form = passwordForm(owner.email, 'x', { deviceName: 'laptop\u0000' });
      const res = await t().http.token(form);
      expectModelState(res, /NUL character/);
    });

    it('still accepts a literal backslash-u-0000 text (not a NUL)', async () => {
      const res = await t().http.put('/api/accounts/profile', {
        token: owner.accessToken,
        json: { name: 'C:\\u0000', culture: 'en-US' },
      });
      expect(res.status).toBe(200);
    });
  });
});

describe('security: outbox mail is logged without its link', () => {
  it('logs recipient, subject and file, never the link or token; file 0600 in a 0700 folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-mail-'));
    try {
      const lines: unknown[][] = [];
      const log = { info: (...args: unknown[]) => lines.push(args) } as unknown as FastifyBaseLogger;
      const mailer = createMailer(parseConfig({ ...TEST_CONFIG, dataDir }), log);
      const token = 'SECRET-TOKEN-abc123';
      const link = `https://localhost:8443/join?token=${token}`;
      await mailer.send({
        to: 'nina@example.com',
        subject: 'Join Acme',
        text: `Open ${link}`,
        link,
        meta: { token },
      });
      expect(lines).toHaveLength(1);
      const logged = JSON.stringify(lines);
      expect(logged).not.toContain(token);
      expect(logged).not.toContain('join?');
      const [fields, message] = lines[0] as [{ to: string; subject: string; file: string }, string];
      expect(fields).toMatchObject({ to: 'nina@example.com', subject: 'Join Acme' });
      expect(message).toContain(fields.file);
      // The link itself is in the outbox file, readable by the server's user only.
      expect(JSON.parse(readFileSync(fields.file, 'utf8')).link).toBe(link);
      if (process.platform !== 'win32') {
        expect(statSync(fields.file).mode & 0o777).toBe(0o600);
        expect(statSync(dirname(fields.file)).mode & 0o777).toBe(0o700);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
