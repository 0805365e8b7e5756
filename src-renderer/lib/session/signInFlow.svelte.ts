import type { LoginResult, ServerEnvironment, SessionState, TwoFactorOption } from '$shared/contract/session';
import { DeskError, invoke } from '../desk';
import { rememberServer } from './serverChoice';

/**
 * The steps of signing in, driven by main's answers: the password (or API key) step, then two-step login or a
 * new-device code when the server asks, until main answers `ready`. The renderer never holds the password past
 * the call that sends it; main keeps the derived key while a code is awaited (`pendingId`).
 */
export type SignInStep =
  | { kind: 'password' }
  | { kind: 'apiKey' }
  | { kind: 'twoFactor'; pendingId: string; options: TwoFactorOption[] }
  | { kind: 'newDevice'; pendingId: string; email: string };

export const TwoFactorMethod = { Authenticator: 0, Email: 1, RecoveryCode: 8 } as const;

export class SignInFlow {
  step = $state.raw<SignInStep>({ kind: 'password' });
  busy = $state(false);
  /** Main's message for the last failure, shown as given (wrong password, rate limit, certificate, offline). */
  error = $state('');
  /** Polite news for the current step ("We sent a code to …"). */
  notice = $state('');

  constructor(private readonly onSignedIn: (state: SessionState) => void) {}

  logIn(input: { server: ServerEnvironment; email: string; masterPassword: string }): Promise<boolean> {
    return this.#run(() => invoke('session.login', input), input.server);
  }

  logInWithApiKey(input: {
    server: ServerEnvironment;
    clientId: string;
    clientSecret: string;
    masterPassword: string;
  }): Promise<boolean> {
    return this.#run(() => invoke('session.loginWithApiKey', input), input.server);
  }

  submitTwoFactor(input: { provider: number; code: string; remember: boolean }): Promise<boolean> {
    const step = this.step;
    if (step.kind !== 'twoFactor') return Promise.resolve(false);
    return this.#run(() => invoke('session.submitTwoFactor', { pendingId: step.pendingId, ...input }));
  }

  submitNewDeviceCode(code: string): Promise<boolean> {
    const step = this.step;
    if (step.kind !== 'newDevice') return Promise.resolve(false);
    return this.#run(() => invoke('session.submitNewDeviceCode', { pendingId: step.pendingId, code }));
  }

  /** Two-step login by email: mail a code (again). New-device step: a new code. */
  async sendEmailCode(): Promise<boolean> {
    const step = this.step;
    if (step.kind !== 'twoFactor' && step.kind !== 'newDevice') return false;
    this.error = '';
    this.notice = 'Sending a code…';
    try {
      const { sentTo } = await invoke('session.sendEmailCode', { pendingId: step.pendingId });
      this.notice = sentTo ? `We sent a code to ${sentTo}.` : 'We sent a code to your email address.';
      return true;
    } catch (error) {
      this.notice = '';
      this.#fail(error);
      return false;
    }
  }

  /** Leaves a code step (main forgets the pending sign-in) or the API key form, back to the password form. */
  async back(): Promise<void> {
    const step = this.step;
    this.#show({ kind: 'password' });
    if (step.kind === 'twoFactor' || step.kind === 'newDevice') {
      await invoke('session.cancelLogin', { pendingId: step.pendingId }).catch(() => undefined);
    }
  }

  useApiKey(): void {
    this.#show({ kind: 'apiKey' });
  }

  async #run(call: () => Promise<LoginResult>, server?: ServerEnvironment): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = '';
    try {
      const result = await call();
      if (server) rememberServer(server);
      if (result.status === 'ready') {
        this.onSignedIn(result.session);
      } else if (result.status === 'twoFactor') {
        this.#show({ kind: 'twoFactor', pendingId: result.pendingId, options: result.options });
      } else {
        this.#show({ kind: 'newDevice', pendingId: result.pendingId, email: result.email });
        this.notice = `We sent a code to ${result.email}.`;
      }
      return true;
    } catch (error) {
      this.#fail(error);
      // The pending sign-in ended (expired or cancelled in main): start over.
      if (error instanceof DeskError && error.code === 'not_found' && this.step.kind !== 'apiKey') {
        this.step = { kind: 'password' };
      }
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Forgets the last failure (the server was changed, so its message is about another one). */
  clearError(): void {
    this.error = '';
  }

  #show(step: SignInStep) {
    this.step = step;
    this.error = '';
    this.notice = '';
  }

  #fail(error: unknown) {
    this.error = error instanceof Error ? error.message : String(error);
  }
}
