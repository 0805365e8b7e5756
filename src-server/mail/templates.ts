// Message texts. Each returns a MailMessage; links point at the vault (`{base}`) like Bitwarden's.
import type { MailMessage } from './mailer';

export function registrationEmail(baseUrl: string, email: string, token: string): MailMessage {
  const link = `${baseUrl}/redirect-connector.html#finish-signup?token=${encodeURIComponent(token)}&email=${encodeURIComponent(email)}&fromEmail=true`;
  return {
    to: email,
    subject: 'Verify your email',
    text: `Finish creating your account:\n\n${link}\n\nThis link expires in 15 minutes.`,
    link,
    meta: { token },
  };
}

export function twoFactorLoginCode(email: string, code: string): MailMessage {
  return {
    to: email,
    subject: 'Your two-step login verification code',
    text: `Your verification code is ${code}. It expires in 5 minutes.`,
    meta: { code },
  };
}

export function twoFactorSetupCode(email: string, code: string): MailMessage {
  return {
    to: email,
    subject: 'Your two-step login set-up code',
    text: `Your set-up code is ${code}. It expires in 5 minutes.`,
    meta: { code },
  };
}

export function newDeviceCode(email: string, code: string): MailMessage {
  return {
    to: email,
    subject: 'Your new device verification code',
    text: `Your verification code is ${code}. It expires in 5 minutes.`,
    meta: { code },
  };
}

export function failedTwoFactorAttempt(email: string): MailMessage {
  return {
    to: email,
    subject: 'Failed two-step login attempt',
    text: 'Someone entered your password but a wrong two-step login code. If this was not you, change your master password.',
  };
}
