/** The `session.*` channels and `account.fingerprint` (src-shared/contract/session.ts), bound to the session service and auto-lock. */
import type { Handler } from '../desk';
import type { AutoLock } from './autoLock';
import type { SessionService } from './sessionService';

type SessionChannel =
  | 'session.accounts'
  | 'session.login'
  | 'session.submitTwoFactor'
  | 'session.sendEmailCode'
  | 'session.submitNewDeviceCode'
  | 'session.cancelLogin'
  | 'session.loginWithApiKey'
  | 'session.unlock'
  | 'session.lock'
  | 'session.logout'
  | 'session.switch'
  | 'session.activity'
  | 'session.register'
  | 'account.fingerprint'
  | 'account.changePassword'
  | 'account.logOutEverywhere';

export function sessionHandlers(session: SessionService, autoLock: AutoLock): { [C in SessionChannel]: Handler<C> } {
  return {
    'session.accounts': () => session.state(),
    'session.login': (input) => session.login(input),
    'session.submitTwoFactor': (input) => session.submitTwoFactor({ ...input, remember: input.remember ?? false }),
    'session.sendEmailCode': (input) => session.sendEmailCode(input.pendingId),
    'session.submitNewDeviceCode': (input) => session.submitNewDeviceCode(input),
    'session.cancelLogin': (input) => {
      session.cancelLogin(input.pendingId);
      return {};
    },
    'session.loginWithApiKey': (input) => session.loginWithApiKey(input),
    'session.unlock': (input) => session.unlock(input.accountId, input.masterPassword),
    'session.lock': () => session.lock(),
    'session.logout': (input) => session.logout(input.accountId),
    'session.switch': (input) => session.switchTo(input.accountId),
    'session.activity': () => {
      autoLock.activity();
      return {};
    },
    'session.register': ({ masterPasswordConfirmation: _confirmed, ...input }) => session.register(input),
    'account.fingerprint': (input) => session.fingerprint(input?.accountId),
    'account.changePassword': (input) => session.changePassword(input),
    'account.logOutEverywhere': (input) => session.logOutEverywhere(input.accountId, input.masterPassword),
  };
}
