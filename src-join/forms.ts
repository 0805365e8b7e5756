/** The two forms every join page uses: choose a master password (new account) and log in (with a second step). */
import { DEFAULT_KDF_CONFIG } from '../src-main/crypto/kdf';
import { call } from './api';
import { makeRegistration } from './crypto/webKeys';
import { alertBox, busy, errorText, field, h } from './dom';
import { logIn, passwordHash, SecondStepRequired, type LoginExtra, type SecondStep, type Session } from './session';

export const MIN_PASSWORD_LENGTH = 12;

/** Proof fields added to register/finish: an email-verification token or an invitation. */
export type RegistrationProof =
  | { emailVerificationToken: string }
  | { orgInviteToken: string; organizationUserId: string }
  | { providerInviteToken: string; providerUserId: string };

/** Master password, confirmation and hint; keys made here, then `register/finish`. Calls `done` on success. */
export function createAccountForm(email: string, proof: RegistrationProof, done: () => void): HTMLFormElement {
  const emailField = field('Email address', { name: 'email', type: 'email', value: email, readonly: true });
  const password = field(
    'Master password',
    {
      name: 'password',
      type: 'password',
      autocomplete: 'new-password',
      required: true,
      minlength: String(MIN_PASSWORD_LENGTH),
    },
    `At least ${MIN_PASSWORD_LENGTH} characters. It cannot be recovered if you forget it.`,
  );
  const confirm = field('Confirm master password', {
    name: 'confirm',
    type: 'password',
    autocomplete: 'new-password',
    required: true,
  });
  const hint = field(
    'Master password hint (optional)',
    { name: 'hint', type: 'text', maxlength: '50', autocomplete: 'off' },
    'Shown to anyone who asks for your hint: never the password itself.',
  );
  const alert = alertBox();
  const form = h(
    'form',
    { novalidate: true },
    alert.el,
    emailField.wrap,
    password.wrap,
    confirm.wrap,
    hint.wrap,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary' }, 'Create account')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    alert.show(null);
    const pw = password.input.value;
    password.setError(pw.length < MIN_PASSWORD_LENGTH ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : null);
    confirm.setError(
      pw.length >= MIN_PASSWORD_LENGTH && confirm.input.value !== pw ? 'The passwords do not match.' : null,
    );
    if (hint.input.value && hint.input.value === pw) hint.setError('The hint cannot be your password.');
    else hint.setError(null);
    const invalid = form.querySelector<HTMLInputElement>('[aria-invalid=true]');
    if (invalid) return invalid.focus();
    void busy(form, 'Creating your account…', async () => {
      try {
        const payload = await makeRegistration(email, pw, DEFAULT_KDF_CONFIG);
        await call('/identity/accounts/register/finish', {
          json: { ...payload, masterPasswordHint: hint.input.value || null, ...proof },
        });
      } catch (error) {
        alert.show(errorText(error));
        return false;
      }
      return true;
    }).then((ok) => ok && done());
  });
  return form;
}

const TWO_FACTOR_NAMES: Record<number, string> = { 0: 'authenticator app', 1: 'email' };

/**
 * Email and master password, then (when the server asks) a two-step code (email or authenticator app) or a
 * new-device code. Calls `done` with the unlocked session.
 */
export function loginForm(email: string, done: (session: Session) => void, submitLabel = 'Log in'): HTMLFormElement {
  const emailField = field('Email address', {
    name: 'email',
    type: 'email',
    value: email,
    autocomplete: 'username',
    required: true,
    readonly: email ? true : undefined,
  });
  const password = field('Master password', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const code = field('Verification code', {
    name: 'code',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
  });
  code.wrap.hidden = true;
  const stepText = h('p', { class: 'hint', 'aria-live': 'polite' });
  const sendEmail = h('button', { type: 'button', class: 'button' }, 'Send a code by email');
  sendEmail.hidden = true;
  const alert = alertBox();
  const submit = h('button', { type: 'submit', class: 'button primary' }, submitLabel);
  const form = h(
    'form',
    { novalidate: true },
    alert.el,
    emailField.wrap,
    password.wrap,
    stepText,
    code.wrap,
    h('div', { class: 'actions' }, submit, sendEmail),
  );
  let step: SecondStep | null = null;
  let provider = 0;

  const askSecondStep = (next: SecondStep) => {
    step = next;
    code.wrap.hidden = false;
    code.input.required = true;
    if (next.kind === 'newDevice') {
      stepText.textContent =
        'This browser is new to your account. We emailed you a verification code: enter it to continue.';
    } else {
      provider = next.providers.includes(1) ? 1 : next.providers.includes(0) ? 0 : (next.providers[0] ?? 0);
      const name = TWO_FACTOR_NAMES[provider];
      stepText.textContent = name
        ? provider === 1
          ? `Two-step login is on. Send a code to ${next.emailHint ?? 'your email'} and enter it here.`
          : 'Two-step login is on. Enter the code from your authenticator app.'
        : 'Two-step login with this method is not available on this page; use a Bitwarden app to log in.';
      sendEmail.hidden = provider !== 1;
    }
    code.input.focus();
  };

  sendEmail.addEventListener('click', () => {
    alert.show(null);
    void busy(form, submit.textContent ?? submitLabel, async () => {
      try {
        const hash = await passwordHash(emailField.input.value, password.input.value);
        await call('/api/two-factor/send-email-login', {
          json: { email: emailField.input.value.trim(), masterPasswordHash: hash },
        });
        stepText.textContent = 'Code sent. Check your email and enter the code here.';
      } catch (error) {
        alert.show(errorText(error));
      }
    }).then(() => code.input.focus());
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    alert.show(null);
    emailField.setError(/^\S+@\S+$/.test(emailField.input.value.trim()) ? null : 'Enter your email address.');
    password.setError(password.input.value ? null : 'Enter your master password.');
    code.setError(step && !code.input.value.trim() ? 'Enter the code.' : null);
    const invalid = form.querySelector<HTMLInputElement>('[aria-invalid=true]');
    if (invalid) return invalid.focus();
    const extra: LoginExtra = {};
    const entered = code.input.value.replace(/\s+/g, '');
    if (step?.kind === 'newDevice') extra.newDeviceOtp = entered;
    if (step?.kind === 'twoFactor') extra.twoFactor = { provider, token: entered };
    void busy(form, 'Logging in…', async () => {
      try {
        return await logIn(emailField.input.value, password.input.value, extra);
      } catch (error) {
        if (error instanceof SecondStepRequired) {
          if (step) alert.show('That code did not work. Try again.');
          askSecondStep(error.step);
        } else alert.show(errorText(error));
        return null;
      }
    }).then((session) => {
      if (session) done(session);
      else if (step) code.input.focus();
    });
  });
  return form;
}
