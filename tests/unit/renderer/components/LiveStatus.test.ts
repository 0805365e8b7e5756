import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LiveStatus from '../../../../src-renderer/lib/components/LiveStatus.svelte';

describe('LiveStatus', () => {
  it('is a polite live region that exists before it has anything to say', () => {
    render(LiveStatus);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent?.trim()).toBe('');
  });

  it('changes its text in place, so the change is announced', async () => {
    const { rerender } = render(LiveStatus, { message: '' });
    const region = screen.getByRole('status');
    await rerender({ message: 'Settings saved', tone: 'success' });
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent?.trim()).toBe('Settings saved');
  });
});
