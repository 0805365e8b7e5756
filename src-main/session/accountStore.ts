/** Account records, the active account and "remember this device" tokens, kept in the `SecretStore`. */
import { createHash } from 'node:crypto';
import type { SecretStore } from '../platform/secretStore';
import { accountRecordSchema, type AccountRecord } from './accountRecord';

const ACCOUNT = 'account:';
const ACTIVE = 'session:active';
const REMEMBER = 'remember:';

export class AccountStore {
  constructor(private readonly secrets: SecretStore) {}

  /** Every readable record; one that no longer parses (an older format) is dropped. */
  load(): AccountRecord[] {
    const records: AccountRecord[] = [];
    for (const name of this.secrets.list(ACCOUNT)) {
      const parsed = accountRecordSchema.safeParse(parseJson(this.secrets.get(name)));
      if (parsed.success) records.push(parsed.data);
      else this.secrets.delete(name);
    }
    return records;
  }

  save(record: AccountRecord): void {
    this.secrets.set(ACCOUNT + record.id, JSON.stringify(record));
  }

  remove(id: string): void {
    this.secrets.delete(ACCOUNT + id);
  }

  activeId(): string | null {
    return this.secrets.get(ACTIVE) ?? null;
  }

  setActiveId(id: string | null): void {
    if (id) this.secrets.set(ACTIVE, id);
    else this.secrets.delete(ACTIVE);
  }

  rememberToken(server: string, email: string): string | undefined {
    return this.secrets.get(rememberName(server, email));
  }

  setRememberToken(server: string, email: string, token: string | null): void {
    if (token) this.secrets.set(rememberName(server, email), token);
    else this.secrets.delete(rememberName(server, email));
  }
}

function rememberName(server: string, email: string): string {
  return REMEMBER + createHash('sha256').update(`${server}\n${email.trim().toLowerCase()}`).digest('hex').slice(0, 32);
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
