/**
 * The invite dialog's address field (provider-portal.md §6.1): up to 20 addresses, separated by commas, spaces or
 * new lines. Returns the addresses (lower-cased, duplicates dropped) or the reason they cannot be sent.
 */
export const maxInviteEmails = 20;

const emailShape = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function parseInviteEmails(text: string): { emails: string[]; error: string | null } {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  const emails = [...new Set(parts)];
  if (emails.length === 0) return { emails, error: 'Enter at least one email address.' };
  const bad = emails.filter((email) => !emailShape.test(email) || email.length > 256);
  if (bad.length) return { emails, error: `Not a valid email address: ${bad.join(', ')}` };
  if (emails.length > maxInviteEmails) {
    return { emails, error: `You can invite up to ${maxInviteEmails} people at a time (${emails.length} entered).` };
  }
  return { emails, error: null };
}
