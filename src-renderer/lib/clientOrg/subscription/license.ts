/**
 * The self-hosted license (bitwarden-api.md §7.9): the server needs the installation id of the self-hosted
 * Bitwarden server the license is for, a GUID its admin panel shows.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The installation id as the server expects it (trimmed, lower case), or the reason it is not one. */
export function checkInstallationId(value: string): { ok: true; id: string } | { ok: false; error: string } {
  const id = value.trim().replace(/^\{|\}$/g, '');
  if (!id) return { ok: false, error: 'Enter the installation ID of the self-hosted server.' };
  if (!GUID.test(id)) {
    return { ok: false, error: 'An installation ID looks like 3fa85f64-5717-4562-b3fc-2c963f66afa6 (32 hex digits).' };
  }
  return { ok: true, id: id.toLowerCase() };
}
