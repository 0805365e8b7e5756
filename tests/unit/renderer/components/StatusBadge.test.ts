import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StatusBadge, { statusTone } from '../../../../src-renderer/lib/components/StatusBadge.svelte';

describe('StatusBadge', () => {
  it('gives member and policy statuses their usual tone', () => {
    expect(['Invited', 'Accepted', 'Confirmed', 'Revoked', 'Enabled', 'Disabled', 'Suspended'].map(statusTone)).toEqual(
      ['info', 'warning', 'success', 'neutral', 'success', 'neutral', 'danger'],
    );
    expect(statusTone(' needs CONFIRMATION ')).toBe('warning');
    expect(statusTone('Something new')).toBe('neutral');
  });

  it('shows the status, or a label for it, with the tone', () => {
    const { rerender } = render(StatusBadge, { status: 'Confirmed' });
    expect(screen.getByText('Confirmed').getAttribute('data-tone')).toBe('success');
    rerender({ status: 'Accepted', label: 'Needs confirmation' });
    expect(screen.queryByText('Accepted')).toBeNull();
  });

  it('takes an explicit tone over the usual one', async () => {
    const { rerender } = render(StatusBadge, { status: 'Disabled', tone: 'danger' });
    expect(screen.getByText('Disabled').getAttribute('data-tone')).toBe('danger');
    await rerender({ status: 'Accepted', label: 'Needs confirmation', tone: undefined });
    expect(screen.getByText('Needs confirmation').getAttribute('data-tone')).toBe('warning');
  });
});
