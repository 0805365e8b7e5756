/**
 * An unlocked account's keys at runtime (crypto.md §7–8.2): user key → private key → provider keys → client org
 * keys. Held only in main-process memory; `wipe()` zeroes every buffer when the account locks or logs out.
 */
import {
  decryptToString,
  publicKeyFromPrivate,
  unwrapOrgKey,
  unwrapProviderKey,
  wipe,
  wrapSymmetricKey,
} from '../crypto';

export class KeyRing {
  private readonly providerKeys = new Map<string, Uint8Array>();
  private readonly orgKeys = new Map<string, Uint8Array>();
  private wiped = false;

  constructor(
    private readonly userKey: Uint8Array,
    private readonly privateKey: Uint8Array | null,
  ) {}

  get isWiped(): boolean {
    return this.wiped;
  }

  /** Unwraps `profile.providers[].key` (type 4 to the user's public key). Returns false if it cannot. */
  addProviderKey(providerId: string, wrapped: string): boolean {
    this.assertLive();
    if (!this.privateKey) return false;
    try {
      this.replace(this.providerKeys, providerId, unwrapProviderKey(wrapped, this.privateKey));
      return true;
    } catch {
      return false;
    }
  }

  /** Unwraps a client org key (type 2 under its provider key, or type 4 for a direct membership). */
  addOrgKey(organizationId: string, wrapped: string, providerId: string | null): boolean {
    this.assertLive();
    const providerKey = providerId ? this.providerKeys.get(providerId) : undefined;
    try {
      const key = unwrapOrgKey(wrapped, {
        ...(providerKey ? { providerKey } : {}),
        ...(this.privateKey ? { privateKey: this.privateKey } : {}),
      });
      this.replace(this.orgKeys, organizationId, key);
      return true;
    } catch {
      return false;
    }
  }

  hasProviderKey(providerId: string): boolean {
    return this.providerKeys.has(providerId);
  }

  hasOrgKey(organizationId: string): boolean {
    return this.orgKeys.has(organizationId);
  }

  /** Decrypts display text (a collection name, say) under a client org's key; main hands out only the text. */
  decryptOrgText(organizationId: string, encString: string): string {
    this.assertLive();
    const key = this.orgKeys.get(organizationId);
    if (!key) throw new Error('no key for this organization');
    return decryptToString(encString, key);
  }

  decryptUserText(encString: string): string {
    this.assertLive();
    return decryptToString(encString, this.userKey);
  }

  /**
   * Lends a provider key to `use` (the portal wraps it to a new member, or wraps an org key under it). `use` must
   * not keep the buffer: it is zeroed when the account locks.
   */
  withProviderKey<T>(providerId: string, use: (providerKey: Uint8Array) => T): T {
    this.assertLive();
    const key = this.providerKeys.get(providerId);
    if (!key) throw new Error('no key for this provider');
    return use(key);
  }

  /** Lends an org key to `use` (confirming a member wraps it to their public key); same rule as `withProviderKey`. */
  withOrgKey<T>(organizationId: string, use: (orgKey: Uint8Array) => T): T {
    this.assertLive();
    const key = this.orgKeys.get(organizationId);
    if (!key) throw new Error('no key for this organization');
    return use(key);
  }

  /** The user key wrapped under a (new) stretched master key, for a master password change; the key stays here. */
  wrapUserKey(stretchedMasterKey: Uint8Array): string {
    this.assertLive();
    return wrapSymmetricKey(this.userKey, stretchedMasterKey);
  }

  /** The account's public key (SPKI DER base64), derived from its private key; null without one. */
  publicKey(): string | null {
    this.assertLive();
    return this.privateKey ? publicKeyFromPrivate(this.privateKey) : null;
  }

  /** Every buffer held, for tests that check `wipe()` zeroed them. */
  buffers(): Uint8Array[] {
    return [
      this.userKey,
      ...(this.privateKey ? [this.privateKey] : []),
      ...this.providerKeys.values(),
      ...this.orgKeys.values(),
    ];
  }

  wipe(): void {
    wipe(...this.buffers());
    this.providerKeys.clear();
    this.orgKeys.clear();
    this.wiped = true;
  }

  private replace(map: Map<string, Uint8Array>, id: string, key: Uint8Array) {
    wipe(map.get(id));
    map.set(id, key);
  }

  private assertLive() {
    if (this.wiped) throw new Error('the key ring was wiped (account locked)');
  }
}
