import { render, screen } from '@testing-library/svelte';
import { createRawSnippet, tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import AppFrame from '../../../../src-renderer/lib/components/AppFrame.svelte';
import { sections } from '../../../../src-renderer/lib/sections';

const hrefs = Object.fromEntries(sections.map((s) => [s.path, `#${s.path}`])) as Record<
  (typeof sections)[number]['path'],
  string
>;

function renderFrame(page: string, currentPath = '/clients') {
  const children = createRawSnippet(() => ({ render: () => `<div>${page}</div>` }));
  return render(AppFrame, { currentPath, hrefs, onNavigate: vi.fn(), children });
}

async function settle() {
  await tick();
  await tick();
}

describe('AppFrame: focus after a page change', () => {
  it('moves focus to the main region when another page opens, not to <body>', async () => {
    const { rerender } = renderFrame('<h1>Clients</h1>');
    await settle();
    expect(document.activeElement).toBe(document.body);

    await rerender({ currentPath: '/members' });
    await settle();
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('leaves an autofocused field alone on the first load', async () => {
    renderFrame('<label>Link <input autofocus /></label>');
    const field = screen.getByRole('textbox', { name: 'Link' });
    field.focus();
    await settle();
    expect(document.activeElement).toBe(field);
  });

  it('does not move focus when the same page renders again', async () => {
    const { rerender } = renderFrame('<button>Stay</button>');
    const button = screen.getByRole('button', { name: 'Stay' });
    button.focus();
    await rerender({ currentPath: '/clients' });
    await settle();
    expect(document.activeElement).toBe(button);
  });
});
