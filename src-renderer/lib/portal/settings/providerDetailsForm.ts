/**
 * The provider details form (provider-portal.md §9): provider name and billing email, checked as main will check
 * them (updateProviderDetailsInputSchema) so most mistakes show before anything is sent.
 */
import type { ProviderDetails } from '$shared/contract/portal/providerSettings';

export interface ProviderDetailsForm {
  name: string;
  billingEmail: string;
}

export type ProviderDetailsField = keyof ProviderDetailsForm;
export type ProviderDetailsErrors = Partial<Record<ProviderDetailsField, string>>;

export function detailsForm(details: ProviderDetails): ProviderDetailsForm {
  return { name: details.name ?? '', billingEmail: details.billingEmail ?? '' };
}

export function isDirty(form: ProviderDetailsForm, saved: ProviderDetailsForm): boolean {
  return form.name.trim() !== saved.name.trim() || form.billingEmail.trim() !== saved.billingEmail.trim();
}

const emailPattern = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function checkDetails(form: ProviderDetailsForm): ProviderDetailsErrors {
  const errors: ProviderDetailsErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'Enter the provider name';
  else if (name.length > 50) errors.name = 'The name has at most 50 characters';
  const email = form.billingEmail.trim();
  if (email.length < 3 || !emailPattern.test(email)) errors.billingEmail = 'Enter a valid email address';
  else if (email.length > 256) errors.billingEmail = 'An email address has at most 256 characters';
  return errors;
}

/** Main's validation message (`name: …; billingEmail: …`) split onto the fields it names. */
export function detailsErrorsFrom(message: string): { fields: ProviderDetailsErrors; rest: string } {
  const fields: ProviderDetailsErrors = {};
  const rest: string[] = [];
  for (const part of message
    .split(/;\s*|\n/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(name|billingEmail):\s*(.+)$/s.exec(part);
    if (match) fields[match[1] as ProviderDetailsField] = match[2]!.trim();
    else rest.push(part);
  }
  return { fields, rest: rest.join(' ') };
}
