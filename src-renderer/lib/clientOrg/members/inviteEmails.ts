/**
 * The invite dialogs' address field (provider-portal.md §6.1), one parser for both the provider's Members and a
 * client's Members: up to 20 addresses, separated by commas, semicolons, spaces or new lines, each of an address's
 * shape and at most 256 characters. Returns the addresses (lower-cased, duplicates dropped) or every reason they
 * cannot be sent; the dialogs send the parsed list, so main sees exactly the addresses that were checked.
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
