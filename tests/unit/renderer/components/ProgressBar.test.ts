import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ProgressBar from '../../../../src-renderer/lib/components/ProgressBar.svelte';

describe('ProgressBar', () => {
  it('reports a determinate value, clamped, as a named progressbar', async () => {
    const { rerender } = render(ProgressBar, { label: 'Importing items', value: 30, max: 120 });
    const bar = screen.getByRole('progressbar', { name: /Importing items/ });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('120');
    expect(bar.getAttribute('aria-valuenow')).toBe('30');
    expect(bar.getAttribute('aria-valuetext')).toBe('25%');
    expect(bar.querySelector<HTMLElement>('.fill')?.style.width).toBe('25%');

    await rerender({ value: 500, valueText: '12 of 12 pages' });
    expect(bar.getAttribute('aria-valuenow')).toBe('120');
    expect(bar.getAttribute('aria-valuetext')).toBe('12 of 12 pages');
    await rerender({ value: -3, valueText: undefined });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
  });

  it('is indeterminate without a value: no value is announced', () => {
    render(ProgressBar, { label: 'Loading older events' });
    const bar = screen.getByRole('progressbar', { name: 'Loading older events' });
    for (const attribute of ['aria-valuenow', 'aria-valuemin', 'aria-valuemax', 'aria-valuetext']) {
      expect(bar.hasAttribute(attribute), attribute).toBe(false);
    }
    expect(bar.classList.contains('indeterminate')).toBe(true);
  });

  it('can keep its label for screen readers only', () => {
    const { container } = render(ProgressBar, { label: 'Syncing', value: 1, max: 2, hideLabel: true });
    expect(container.querySelector('.label')?.classList.contains('visually-hidden')).toBe(true);
    expect(screen.getByRole('progressbar', { name: /Syncing/ })).toBeTruthy();
  });
});
