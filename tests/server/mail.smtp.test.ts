// Mail through a real SMTP peer (smtp-server): registration links and two-step codes reach it.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeServer } from './harness';
import { uniqueEmail } from './users';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw,
      });
      callback();
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

// The SMTP port is only known once the peer listens, so the server starts inside the suite via a getter.
describeServer(
  'mail over SMTP',
  (t) => {
    it('delivers the registration link to the SMTP peer and writes no outbox file', async () => {
      const email = uniqueEmail('smtp');
      const res = await t().http.post('/identity/accounts/register/send-verification-email', { json: { email } });
      expect(res.status).toBe(204);
      const mail = received.find((m) => m.to.includes(email));
      expect(mail).toBeDefined();
      expect(mail!.from).toBe('no-reply@provider-desk.local');
      expect(mail!.raw).toContain('Subject: Verify your email');
      const decoded = mail!.raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      expect(decoded).toContain('finish-signup?token=BwRegistrationEmailVerificationToken_');
      expect(t().outbox()).toEqual([]);
    });
  },
  {
    emailVerification: true,
    get smtp() {
      return { host: '127.0.0.1', port, secure: false, ignoreTls: true };
    },
  },
);
