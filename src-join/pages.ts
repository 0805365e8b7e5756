/**
 * One view per mailed link (DESIGN.md, "People who join"). Each reads its link's parameters, and composes the
 * create-account and log-in forms with the call that finishes the job.
 */
import { ApiProblem, call } from './api';
import { rsaEncapsulate } from './crypto/webKeys';
import { alertBox, busy, errorText, h, show } from './dom';
import { createAccountForm, loginForm, type RegistrationProof } from './forms';
import { ownFingerprint, type Session } from './session';

export interface Page {
  title: string;
  render(main: HTMLElement): void | Promise<void>;
}

const lead = (text: string) => h('p', { class: 'lead' }, text);

/** The account's fingerprint phrase, with what it is for. */
async function fingerprintBlock(session: Session): Promise<HTMLElement> {
  const phrase = await ownFingerprint(session);
  return h(
    'section',
    { class: 'fingerprint', 'aria-labelledby': 'fp-title' },
    h('h2', { id: 'fp-title' }, 'Your fingerprint phrase'),
    h('p', { class: 'phrase', 'data-testid': 'fingerprint' }, phrase),
    h(
      'p',
      { class: 'hint' },
      `Account ${session.email}. An administrator may ask you to read this phrase out when they confirm you: it proves the key they see is yours.`,
    ),
  );
}

function toggleLink(text: string, onClick: () => void): HTMLParagraphElement {
  const button = h('button', { type: 'button', class: 'link' }, text);
  button.addEventListener('click', onClick);
  return h('p', { class: 'switch' }, button);
}

/** "Create an account" or "Log in", switchable, then `onSession`. */
function accountStep(
  main: HTMLElement,
  o: { heading: string; intro: string; email: string; proof: RegistrationProof; startWithCreate: boolean },
  onSession: (session: Session) => void,
  extra: Node[] = [],
): void {
  const login = (note?: string) =>
    show(
      main,
      h('h1', {}, o.heading),
      lead(note ?? o.intro),
      loginForm(o.email, onSession),
      toggleLink('I do not have an account yet: create one', create),
      ...extra,
    );
  const create = () =>
    show(
      main,
      h('h1', {}, o.heading),
      lead(`Create your account for ${o.email}. Your master password never leaves this page.`),
      createAccountForm(o.email, o.proof, () => login('Your account is ready. Log in to continue.')),
      toggleLink('I already have an account: log in', () => login()),
      ...extra,
    );
  if (o.startWithCreate) create();
  else login();
}

const params = (search: string) => new URLSearchParams(search);

export const finishSignupPage = (hash: string): Page => ({
  title: 'Finish creating your account',
  async render(main) {
    const q = params(hash.replace(/^#finish-signup\??/, ''));
    const email = q.get('email') ?? '';
    const token = q.get('token') ?? '';
    const afterLogin = async (session: Session) =>
      show(
        main,
        h('h1', {}, 'You are signed in'),
        lead('Your account is ready to use with Provider Desk and Bitwarden apps on this server.'),
        await fingerprintBlock(session),
      );
    if (!email || !token) return showProblem(main, 'This link is incomplete. Open it again from the email.');
    try {
      await call('/identity/accounts/register/verification-email-clicked', {
        json: { email, emailVerificationToken: token },
      });
    } catch (error) {
      return show(
        main,
        h('h1', {}, 'This link cannot be used'),
        h('div', { class: 'alert', role: 'alert' }, errorText(error)),
        lead('If you already have an account, log in.'),
        loginForm(email, (s) => void afterLogin(s)),
      );
    }
    show(
      main,
      h('h1', {}, 'Finish creating your account'),
      lead(`Choose the master password for ${email}. It never leaves this page.`),
      createAccountForm(email, { emailVerificationToken: token }, () =>
        show(
          main,
          h('h1', {}, 'Your account is ready'),
          lead('Log in to see your account’s fingerprint phrase.'),
          loginForm(email, (s) => void afterLogin(s)),
        ),
      ),
    );
  },
});

/** Accepts with `token`; if the org requires account-recovery enrollment, wraps the user key to its public key. */
async function acceptOrganization(session: Session, orgId: string, orgUserId: string, token: string) {
  const path = `/api/organizations/${encodeURIComponent(orgId)}/users/${encodeURIComponent(orgUserId)}/accept`;
  try {
    await call(path, { json: { token, resetPasswordKey: null }, token: session.accessToken });
  } catch (error) {
    if (!(error instanceof ApiProblem && /Master Password reset is required/.test(error.message))) throw error;
    const { publicKey } = await call<{ publicKey: string }>(
      `/api/organizations/${encodeURIComponent(orgId)}/public-key`,
      { token: session.accessToken },
    );
    const resetPasswordKey = await rsaEncapsulate(session.userKey, publicKey);
    await call(path, { json: { token, resetPasswordKey }, token: session.accessToken });
  }
}

async function acceptedView(main: HTMLElement, session: Session, title: string, text: string) {
  show(main, h('h1', {}, title), lead(text), await fingerprintBlock(session));
}

function acceptStep(main: HTMLElement, heading: string, work: () => Promise<void>, after: () => Promise<void>) {
  const alert = alertBox();
  const form = h(
    'form',
    { novalidate: true },
    alert.el,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button primary' }, 'Accept invitation')),
  );
  const run = () =>
    void busy(form, 'Accepting…', async () => {
      try {
        await work();
        return true;
      } catch (error) {
        alert.show(errorText(error));
        return false;
      }
    }).then((ok) => (ok ? after() : form.querySelector('button')?.focus()));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  show(main, h('h1', {}, heading), lead('Accepting the invitation…'), form);
  run();
}

export const acceptOrganizationPage = (search: string): Page => ({
  title: 'Join an organization',
  render(main) {
    const q = params(search);
    const orgId = q.get('organizationId') ?? '';
    const orgUserId = q.get('organizationUserId') ?? '';
    const email = q.get('email') ?? '';
    const token = q.get('token') ?? '';
    const name = q.get('organizationName') ?? 'the organization';
    if (!orgId || !orgUserId || !email || !token)
      return showProblem(main, 'This invitation link is incomplete. Open it again from the email.');
    const heading = `Join ${name}`;
    accountStep(
      main,
      {
        heading,
        intro: `You have been invited to join ${name}. Log in as ${email} to accept.`,
        email,
        proof: { orgInviteToken: token, organizationUserId: orgUserId },
        startWithCreate: q.get('orgUserHasExistingUser') === 'false',
      },
      (session) =>
        acceptStep(
          main,
          heading,
          () => acceptOrganization(session, orgId, orgUserId, token),
          () =>
            acceptedView(
              main,
              session,
              'Invitation accepted',
              `Invitation accepted — an administrator of ${name} must confirm you before you can use its vault. You will get an email.`,
            ),
        ),
    );
  },
});

/** The same link for Provider Desk, which opens it in the app with this server chosen. */
export function desktopLink(path: string, search: string, server: string): string {
  const q = params(search);
  q.set('server', server);
  return `providerdesk://${path.replace(/^\//, '')}?${q.toString()}`;
}

function desktopBlock(link: string, text: string): HTMLElement {
  const input = h('input', {
    type: 'text',
    readonly: true,
    value: link,
    id: 'desk-link',
    'aria-label': 'Provider Desk link',
  });
  const copy = h('button', { type: 'button', class: 'button' }, 'Copy link');
  const status = h('span', { class: 'hint', 'aria-live': 'polite' });
  copy.addEventListener('click', () => {
    input.select();
    void navigator.clipboard
      ?.writeText(link)
      .then(() => (status.textContent = 'Copied.'))
      .catch(() => (status.textContent = 'Press Ctrl+C (⌘C) to copy the selected link.'));
  });
  return h(
    'section',
    { class: 'desktop', 'aria-labelledby': 'desk-title' },
    h('h2', { id: 'desk-title' }, 'Open in Provider Desk'),
    h('p', {}, text),
    h('div', { class: 'actions' }, h('a', { class: 'button', href: link }, 'Open in Provider Desk'), copy, status),
    input,
  );
}

export const acceptProviderPage = (search: string, origin: string): Page => ({
  title: 'Join a provider',
  render(main) {
    const q = params(search);
    const providerId = q.get('providerId') ?? '';
    const providerUserId = q.get('providerUserId') ?? '';
    const email = q.get('email') ?? '';
    const token = q.get('token') ?? '';
    const name = q.get('providerName') ?? 'the provider';
    if (!providerId || !providerUserId || !email || !token)
      return showProblem(main, 'This invitation link is incomplete. Open it again from the email.');
    const heading = `Join ${name}`;
    const desk = desktopBlock(
      desktopLink('/providers/accept-provider', search, origin),
      'Prefer the app? Provider Desk can accept this invitation for you: open the link there instead.',
    );
    const path = `/api/providers/${encodeURIComponent(providerId)}/users/${encodeURIComponent(providerUserId)}/accept`;
    accountStep(
      main,
      {
        heading,
        intro: `You have been invited to join the provider ${name}. Log in as ${email} to accept here.`,
        email,
        proof: { providerInviteToken: token, providerUserId },
        startWithCreate: false,
      },
      (session) =>
        acceptStep(
          main,
          heading,
          () => call(path, { json: { token }, token: session.accessToken }).then(() => undefined),
          () =>
            acceptedView(
              main,
              session,
              'Invitation accepted',
              `Invitation accepted — a provider administrator of ${name} must confirm you. Then open Provider Desk and log in with this account.`,
            ),
        ),
      [desk],
    );
  },
});

export const setupProviderPage = (search: string, origin: string): Page => ({
  title: 'Set up your provider',
  render(main) {
    const q = params(search);
    if (!q.get('providerId') || !q.get('token'))
      return showProblem(main, 'This set-up link is incomplete. Open it again from the email.');
    show(
      main,
      h('h1', {}, 'Set up your provider'),
      lead(
        `A provider is waiting to be set up for ${q.get('email') ?? 'you'}. Setting it up creates the provider's keys, which happens in the Provider Desk app.`,
      ),
      desktopBlock(
        desktopLink('/providers/setup-provider', search, origin),
        'Open this link on the computer where Provider Desk is installed, or copy it there.',
      ),
    );
  },
});

export const fingerprintPage = (): Page => ({
  title: 'Your fingerprint phrase',
  render(main) {
    show(
      main,
      h('h1', {}, 'Your fingerprint phrase'),
      lead('Log in to see the fingerprint phrase of your account’s key.'),
      loginForm(
        '',
        (session) =>
          void fingerprintBlock(session).then((block) =>
            show(main, h('h1', {}, 'Your fingerprint phrase'), lead('Keep this page private.'), block),
          ),
      ),
    );
  },
});

export function showProblem(main: HTMLElement, message: string): void {
  show(main, h('h1', {}, 'This link cannot be used'), h('div', { class: 'alert', role: 'alert' }, message));
}

export const notFoundPage = (): Page => ({
  title: 'Page not found',
  render(main) {
    show(main, h('h1', {}, 'Page not found'), lead('Open the link from your email again.'));
  },
});
