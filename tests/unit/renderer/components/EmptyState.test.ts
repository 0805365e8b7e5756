import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import EmptyState from '../../../../src-renderer/lib/components/EmptyState.svelte';

describe('EmptyState', () => {
  it('is a region named by its title, with the sentence of what will be there', () => {
    render(EmptyState, { title: 'Clients are not available yet', description: 'Client organizations will be here.' });
    const region = screen.getByRole('region', { name: 'Clients are not available yet' });
    expect(region.querySelector('h2')?.textContent).toBe('Clients are not available yet');
    expect(region.textContent).toContain('Client organizations will be here.');
  });

  it('renders actions when given', () => {
    const children = createRawSnippet(() => ({ render: () => '<button type="button">Sync now</button>' }));
    render(EmptyState, { title: 'Nothing yet', description: 'Later.', children });
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeTruthy();
  });

  it('hides its decorative icon from assistive technology', () => {
    const { container } = render(EmptyState, { title: 'Nothing yet', description: 'Later.' });
    expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});
