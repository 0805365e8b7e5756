import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import FatalScreen from '../../../../src-renderer/lib/components/FatalScreen.svelte';

describe('FatalScreen', () => {
  it('fills the page with a titled alert instead of leaving it blank', () => {
    const children = createRawSnippet(() => ({ render: () => '<p>Start Provider Desk first.</p>' }));
    render(FatalScreen, { title: 'Provider Desk must be opened from the app', children });
    expect(screen.getByRole('main')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Provider Desk must be opened from the app');
    expect(alert.textContent).toContain('Start Provider Desk first.');
  });
});
