import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import Page from '../../../../src-renderer/lib/components/Page.svelte';

describe('Page', () => {
  it('gives the page its one h1 and names the window after it', () => {
    const children = createRawSnippet(() => ({ render: () => '<p>Body</p>' }));
    render(Page, { title: 'Members', children });
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Members']);
    expect(document.title).toBe('Members · Provider Desk');
  });
});
