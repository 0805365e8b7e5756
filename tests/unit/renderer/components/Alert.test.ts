import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import Alert from '../../../../src-renderer/lib/components/Alert.svelte';

describe('Alert', () => {
  it('announces its message assertively with optional actions', () => {
    const children = createRawSnippet(() => ({ render: () => '<button type="button">Try again</button>' }));
    render(Alert, { message: 'The server is offline', children });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The server is offline');
    expect(alert.contains(screen.getByRole('button', { name: 'Try again' }))).toBe(true);
  });
});
