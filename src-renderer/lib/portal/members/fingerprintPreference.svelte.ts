/**
 * "Don't ask again" for the fingerprint phrase when confirming a single member, as the web portal offers. Kept in
 * this computer's renderer storage (a preference, nothing secret). Bulk confirmation always shows the phrases.
 */
const KEY = 'provider-desk.confirm.skipFingerprint';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function read(): boolean {
  try {
    return storage()?.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

export class FingerprintPreference {
  /** True: confirming one member skips the phrase dialog. */
  skip = $state(read());

  set(skip: boolean): void {
    this.skip = skip;
    try {
      if (skip) storage()?.setItem(KEY, 'true');
      else storage()?.removeItem(KEY);
    } catch {
      // Refused storage: the choice lasts until the window closes.
    }
  }
}

export const fingerprintPreference = new FingerprintPreference();
