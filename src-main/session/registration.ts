/**
 * Creating an account (bitwarden-accounts.md §1): `register/send-verification-email`, then `register/finish` with
 * keys made here (crypto.md: master key, user key, RSA key pair). Servers without email verification (our backend
 * by default, self-hosted Bitwarden) answer the registration token directly; servers that verify email answer 204
 * and mail a link, and the account is then finished from that link. No token or key leaves main; the person signs
 * in afterwards like anyone else (`session.login`), which also covers two-step login and new-device codes.
 */
import type { RegisterResult, ServerEnvironment } from '../../src-shared/contract';
import type { BitwardenHttp } from '../bitwarden/http';
import { errorOf } from '../bitwarden/http';
import { resolveEnvironment, type ServiceUrls } from '../bitwarden/environments';
import { DEFAULT_KDF_CONFIG, makeRegistration, wipe, type KdfConfig } from '../crypto';

export interface RegistrationDeps {
  httpFor: (urls: ServiceUrls) => BitwardenHttp;
  /** New accounts get Bitwarden's default: PBKDF2-SHA256 with 600,000 iterations. */
  kdf?: KdfConfig;
}

export interface RegistrationInput {
  server: ServerEnvironment;
  email: string;
  name: string;
  masterPassword: string;
  hint?: string | undefined;
}

const ok = (status: number) => status >= 200 && status <= 299;

export async function registerAccount(deps: RegistrationDeps, input: RegistrationInput): Promise<RegisterResult> {
  const http = deps.httpFor(resolveEnvironment(input.server));
  const email = input.email.trim().toLowerCase();
  const sent = await http.send({
    service: 'identity',
    method: 'POST',
    path: '/accounts/register/send-verification-email',
    json: { email, name: input.name.trim(), receiveMarketingEmails: false },
  });
  if (!ok(sent.status)) throw errorOf(sent);
  const token = typeof sent.body === 'string' ? sent.body.trim() : '';
  // 204 (or an empty answer): the server mailed a verification link instead of answering the token.
  if (sent.status === 204 || token === '') return { status: 'checkEmail', email };

  const { payload, secrets } = await makeRegistration(email, input.masterPassword, deps.kdf ?? DEFAULT_KDF_CONFIG);
  wipe(secrets.masterKey, secrets.userKey, secrets.privateKey);
  const finished = await http.send({
    service: 'identity',
    method: 'POST',
    path: '/accounts/register/finish',
    json: { ...payload, masterPasswordHint: input.hint?.trim() || null, emailVerificationToken: token },
  });
  if (!ok(finished.status)) throw errorOf(finished);
  return { status: 'registered', email };
}
