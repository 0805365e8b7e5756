import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FieldHarness from './FieldHarness.svelte';

function descriptions(control: HTMLElement): string[] {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`);
}

describe('Field', () => {
  it('labels its control', () => {
    render(FieldHarness);
    const input = screen.getByLabelText('Seats');
    expect(input.tagName).toBe('INPUT');
    expect(input.getAttribute('aria-describedby')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('describes the control with its hint', () => {
    render(FieldHarness, { hint: 'Whole seats only.' });
    expect(descriptions(screen.getByLabelText('Seats'))).toEqual(['Whole seats only.']);
  });

  it('marks the control invalid and reads the error first', () => {
    render(FieldHarness, { hint: 'Whole seats only.', error: 'At least 1.' });
    const input = screen.getByLabelText('Seats');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptions(input)).toEqual(['At least 1.', 'Whole seats only.']);
  });

  it('gives each field its own ids', () => {
    render(FieldHarness, { hint: 'a' });
    render(FieldHarness, { hint: 'b' });
    const [first, second] = screen.getAllByLabelText('Seats');
    expect(first?.id).not.toBe(second?.id);
    expect(descriptions(second!)).toEqual(['b']);
  });
});
