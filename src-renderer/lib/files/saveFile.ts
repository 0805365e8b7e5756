/**
 * Saves text or bytes the person asked for (CSV export, invoice, license) as a download. In Electron the window's
 * session turns it into the native save dialog; in the browser shell it is the browser's download. The data is
 * display data main handed over for this purpose (never keys or tokens).
 */
export function saveFile(name: string, content: string | Uint8Array, type = 'text/plain;charset=utf-8'): void {
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoke after the click has been handled.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
}

/** Base64 (as main sends files) to bytes. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
