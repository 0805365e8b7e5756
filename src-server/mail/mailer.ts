// Outgoing mail: SMTP through nodemailer when configured; otherwise a file outbox under the data dir
// (`<dataDir>/outbox/*.json`, 0600 in a 0700 folder) and a log line saying where it was written, so local use needs
// no mail server. The log line never carries the link or its token: logs travel further than the data folder.
// Send after the transaction that caused the mail has committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { ServerConfig } from '../config';
import { newId } from '../db/values';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The actionable link (verification, invitation), kept in the outbox file only (never logged). */
  link?: string;
  /** Machine-readable facts for tests and tooling (e.g. `{ code }`), stored in the outbox file only. */
  meta?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  readonly mode: 'smtp' | 'outbox';
}

export function outboxDir(dataDir: string): string {
  return join(dataDir, 'outbox');
}

export function createMailer(config: ServerConfig, log: FastifyBaseLogger): Mailer {
  if (config.smtp) {
    const smtp = config.smtp;
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ignoreTLS: smtp.ignoreTls,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
    });
    return {
      mode: 'smtp',
      async send(m) {
        await transport.sendMail({ from: config.mailFrom, to: m.to, subject: m.subject, text: m.text });
        log.info({ to: m.to, subject: m.subject }, 'mail sent');
      },
    };
  }
  const dir = outboxDir(config.dataDir);
  return {
    mode: 'outbox',
    async send(m) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const date = new Date().toISOString();
      const file = join(dir, `${date.replace(/[:.]/g, '-')}-${newId()}.json`);
      writeFileSync(file, JSON.stringify({ date, from: config.mailFrom, ...m }, null, 2), { mode: 0o600 });
      log.info({ to: m.to, subject: m.subject, file }, `mail to ${m.to} written to the outbox: ${file}`);
    },
  };
}

/** Sends without failing the request that triggered it: the change is committed already. */
export async function sendQuietly(mailer: Mailer, log: FastifyBaseLogger, message: MailMessage): Promise<void> {
  try {
    await mailer.send(message);
  } catch (err) {
    log.error(
      { err: err instanceof Error ? err.message : String(err), to: message.to, subject: message.subject },
      'mail delivery failed',
    );
  }
}
