import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SeatBar, { seatState, seatText } from '../../../../src-renderer/lib/components/SeatBar.svelte';

describe('seat helpers', () => {
  it('names the state', () => {
    expect(seatState(5, 20)).toBe('ok');
    expect(seatState(18, 20)).toBe('nearly-full');
    expect(seatState(20, 20)).toBe('nearly-full');
    expect(seatState(21, 20)).toBe('over');
    expect(seatState(0, 0)).toBe('none');
    expect(seatState(3, 0)).toBe('over');
    expect(seatState(15, 20, 0.75)).toBe('nearly-full');
  });

  it('says the numbers in words', () => {
    expect(seatText(12, 20)).toBe('12 of 20 used, 8 remaining');
    expect(seatText(22, 20)).toBe('22 of 20 used, 2 over the limit');
    expect(seatText(0, 0)).toBe('No seats assigned');
  });
});

describe('SeatBar', () => {
  it('is a meter named by its label whose value text says used and remaining', () => {
    render(SeatBar, { used: 12, assigned: 20, label: 'Seats for Acme' });
    const meter = screen.getByRole('meter', { name: 'Seats for Acme' });
    expect(meter.getAttribute('aria-valuenow')).toBe('12');
    expect(meter.getAttribute('aria-valuemax')).toBe('20');
    expect(meter.getAttribute('aria-valuetext')).toBe('12 of 20 used, 8 remaining');
    expect(screen.getByText('12 of 20 used, 8 remaining')).toBeTruthy();
    expect(meter.querySelector<HTMLElement>('.fill')?.style.width).toBe('60%');
  });

  it('says over the limit in words, not colour alone, and keeps the meter value in range', () => {
    const { container } = render(SeatBar, { used: 25, assigned: 20 });
    const meter = screen.getByRole('meter', { name: 'Seats' });
    expect(meter.getAttribute('aria-valuenow')).toBe('20');
    expect(meter.getAttribute('aria-valuetext')).toBe('25 of 20 used, 5 over the limit (over limit)');
    expect(container.textContent).toContain('Over limit');
    expect(meter.querySelector<HTMLElement>('.fill')?.style.width).toBe('100%');
  });

  it('flags nearly full in words', () => {
    const { container } = render(SeatBar, { used: 19, assigned: 20 });
    expect(container.textContent).toContain('Nearly full');
    expect(screen.getByRole('meter').getAttribute('aria-valuetext')).toContain('(nearly full)');
  });

  it('shows numbers only when compact, keeping the sentence for assistive technology', () => {
    const { container } = render(SeatBar, { used: 3, assigned: 10, compact: true });
    expect(container.querySelector('.numbers')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('3 / 10');
    expect(screen.getByRole('meter').getAttribute('aria-valuetext')).toBe('3 of 10 used, 7 remaining');
  });

  it('copes with no seats assigned', () => {
    render(SeatBar, { used: 0, assigned: 0 });
    const meter = screen.getByRole('meter');
    expect(meter.getAttribute('aria-valuetext')).toBe('No seats assigned');
    expect(meter.getAttribute('aria-valuemax')).toBe('1');
  });
});
