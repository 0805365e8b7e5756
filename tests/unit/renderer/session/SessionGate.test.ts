import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SessionGate from '$lib/components/session/SessionGate.svelte';
import { DeskError } from '$lib/desk';
import { session } from '$lib/session/sessionStore.svelte';
import { installFakeDesk, sampleInfo } from '../fakes/desk';
import { account, sessionState } from './sessionFixtures';

const children = createRawSnippet(() => ({ render: () => '<h1>The app</h1>' }));

afterEach(() => session.reset());

describe('SessionGate', () => {
  it('shows the app only while the active account is unlocked', async () => {
    installFakeDesk({ 'app.info': () => sampleInfo });
    render(SessionGate, { children });
    expect(screen.queryByRole('heading', { name: 'The app' })).toBeNull();

    session.apply(sessionState([]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();

    session.apply(sessionState([account()]));
    expect(await screen.findByRole('heading', { name: 'The app' })).toBeTruthy();

    session.apply(sessionState([account({ status: 'locked' })]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Provider Desk is locked' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'The app' })).toBeNull();

    session.apply(sessionState([account({ needsLogin: true })]));
    expect(await screen.findByText(/has ended\. Log in again/)).toBeTruthy();
  });

  it('says when the accounts cannot be read', async () => {
    installFakeDesk({});
    session.loadError = new DeskError('internal', 'Something went wrong in Provider Desk.');
    render(SessionGate, { children });
    expect(await screen.findByText('Something went wrong in Provider Desk.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
