// Plaintext names (organizations, providers, groups) are stored HTML-encoded and written out decoded
// (bitwarden-api.md §2.1); an empty value is written as null.
const ENCODE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const htmlEncode = (text: string): string => text.replace(/[&<>"']/g, (c) => ENCODE[c]!);

export function htmlDecode(text: string | null | undefined): string | null {
  if (!text) return null;
  return text.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _m,
  );
}
