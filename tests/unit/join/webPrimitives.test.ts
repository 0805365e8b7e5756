/**
 * The join pages' WebCrypto primitives (src-join/crypto) under Node 20's `globalThis.crypto.subtle`, against the
 * crypto.md §12 vectors, and the Buffer-free encoding against src-main/crypto/encoding.ts.
 */
import { describe, expect, it } from 'vitest';
import * as nodeEncoding from '../../../src-main/crypto/encoding';
import * as web from '../../../src-join/crypto/webPrimitives';
import * as webEncoding from '../../../src-join/crypto/webEncoding';

const b64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const toB64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const range = (length: number) => Uint8Array.from({ length }, (_, i) => i);

describe('webEncoding matches src-main/crypto/encoding', () => {
  it('round-trips the same base64 for every length up to 300 and a large buffer', () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(n));
      const text = webEncoding.toBase64(bytes);
      expect(text).toBe(nodeEncoding.toBase64(bytes));
      expect(webEncoding.fromBase64(text)).toEqual(nodeEncoding.fromBase64(text));
    }
    const big = globalThis.crypto.getRandomValues(new Uint8Array(65536)).map((b, i) => b ^ i);
    expect(webEncoding.toBase64(big)).toBe(nodeEncoding.toBase64(big));
  });

  it.each(['abc', 'a=bc', 'QmFz ZTY0', 'QmFzZTY0UGFydA=', '@@@@'])('refuses %j like the Node decoder', (bad) => {
    expect(() => webEncoding.fromBase64(bad)).toThrow(/not valid base64/);
    expect(() => nodeEncoding.fromBase64(bad)).toThrow(/not valid base64/);
  });

  it('encodes and strictly decodes UTF-8 the same way', () => {
    for (const text of ['pǻssword', '😀password🙏', 'üser@example.com', ''])
      expect(webEncoding.utf8(text)).toEqual(nodeEncoding.utf8(text));
    expect(() => webEncoding.fromUtf8(Uint8Array.of(0xff, 0xfe))).toThrow(/UTF-8/);
  });
});

describe('§12.1 PBKDF2, HKDF, hashes, HMAC, AES on SubtleCrypto', () => {
  it.each([
    [
      'password',
      'user@example.com',
      'pj9prw/OHPleXI6bRdmlaD+saJS4awrMiQsQiDjeu2I=',
      'liTi/Ke8LPU1Qv+Vl7NGEVt/XMbsBVJ2kQxtVG/Z1/JFHFKQW3ZkI81qVlwTiCpb+cFXzs+57eyhhx5wfKo5Cg==',
    ],
    [
      'pǻssword',
      'üser@example.com',
      'yqvoFXgMRmHR3QPYr5pyR4uVuoHkltv9aHUP63p8n7I=',
      'df0KdvIBeCzD/kyXptwQohaqUa4e7IyFUyhFQjXCANu5T+scq55hCcE4dG4T/MhAk2exw8j7ixRNzXANiVZpnw==',
    ],
    [
      '😀password🙏',
      'user@example.com',
      'ZdeOata6xoRpB4DLp8zHhXz5kLmkWtX5pd+TdRH8w8w=',
      'FE+AnUJaxv8jh+zUDtZz4mjjcYk0/PZDZm+SLJe3XtxtnpdqqpblX6JjuMZt/dYYNMOrb2+mDL3FiQDTROh1lg==',
    ],
  ])('PBKDF2 %s', async (password, salt, sha256, sha512) => {
    expect(toB64(await web.pbkdf2(password, salt, 5000, 32))).toBe(sha256);
    expect(toB64(await web.pbkdf2(password, salt, 5000, 64, 'SHA-512'))).toBe(sha512);
  });

  it.each([
    ['salt', 'info', 'qBUmEYtwTwwGPuw/z6bs/qYXXYNUlocFlyAuuANI8Pw=', 'xe5cIG6ZfwGmb1FvsOedM0XKOm21myZkjL/eDeKIqqM='],
    [
      'üser_salt',
      'üser_info',
      '6DfJwW1R3txgiZKkIFTvVAb7qVlG7lKcmJGJoxR2GBU=',
      'XQMVBnxVEhlvjSFDQc77j5GDE9aorvbS0vKnjhRg0LY=',
    ],
    [
      '😀salt🙏',
      '😀info🙏',
      'gejGI82xthA+nKtKmIh82kjw+ttHr+ODsUoGdu5sf0A=',
      '148GImrTbrjaGAe/iWEpclINM8Ehhko+9lB14+52lqc=',
    ],
  ])('HKDF %s / %s', async (salt, info, sha256, sha512) => {
    const ikm = b64('criAmKtfzxanbgea5/kelQ==');
    expect(toB64(await web.hkdf(ikm, salt, info, 32, 'SHA-256'))).toBe(sha256);
    expect(toB64(await web.hkdf(ikm, salt, info, 32, 'SHA-512'))).toBe(sha512);
  });

  it('HKDF-Expand only, SHA-256 and SHA-512, 32 and 64 bytes', async () => {
    const prk256 = b64('F5h4KdYQnIVH4rKH0P9CZb1GrR4n16/sJrS0PsQEn0Y=');
    expect(toB64(await web.hkdfExpand(prk256, 'info', 32, 'SHA-256'))).toBe(
      'BnIqJlfnHm0e/2iB/15cbHyR19ARPIcWRp4oNS22CD8=',
    );
    expect(toB64(await web.hkdfExpand(prk256, 'info', 64, 'SHA-256'))).toBe(
      'BnIqJlfnHm0e/2iB/15cbHyR19ARPIcWRp4oNS22CD9BV+/queOZenPNkDhmlVyL2WZ3OSU5+7ISNF5NhNfvZA==',
    );
    const prk512 = b64('ssBK0mRG17VHdtsgt8yo4v25CRNpauH+0r2fwY/E9rLyaFBAOMbIeTry+gUJ28p8y+hFh3EI9pcrEWaNvFYonQ==');
    expect(toB64(await web.hkdfExpand(prk512, 'info', 32, 'SHA-512'))).toBe(
      'uLWbMWodSBms5uGJ5WTRTesyW+MD7nlpCZvagvIRXlk=',
    );
    expect(toB64(await web.hkdfExpand(prk512, 'info', 64, 'SHA-512'))).toBe(
      'uLWbMWodSBms5uGJ5WTRTesyW+MD7nlpCZvagvIRXlkY5Pv0sB+MqvaopmkC6sD/j89zDwTV9Ib2fpucUydO8w==',
    );
  });

  it('HKDF-Expand refuses a short PRK and an oversized output with the upstream texts', async () => {
    await expect(web.hkdfExpand(b64('criAmKtfzxanbgea5/kelQ=='), 'info', 32, 'SHA-256')).rejects.toThrow(
      'prk is too small.',
    );
    await expect(web.hkdfExpand(range(32), 'info', 8161, 'SHA-256')).rejects.toThrow('outputByteSize is too large.');
  });

  it.each([
    [
      'HashMe!!',
      '2a241604fb921fad12bf877282457268e1dccb70',
      '2b8e96031d352a8655d733d7a930b5ffbea69dc25cf65c7bca7dd946278908b2',
    ],
    [
      'HǻshMe!!',
      '85672798dc5831e96d6c48655d3d39365a9c88b6',
      '25fe8440f5b01ed113b0a0e38e721b126d2f3f77a67518c4a04fcde4e33eeb9d',
    ],
    [
      '😀HashMe!!!🙏',
      '39c975935054a3efc805a9709b60763a823a6ad4',
      'adc1c0c2afd6e92cefdf703f9b6eb2c38e0d6d1a040c83f8505c561fea58852e',
    ],
  ])('hashes %s', async (input, sha1, sha256) => {
    expect(toHex(await web.digest('SHA-1', input))).toBe(sha1);
    expect(toHex(await web.digest('SHA-256', input))).toBe(sha256);
  });

  it('HMAC and AES-256-CBC', async () => {
    expect(toHex(await web.hmac('SHA-1', 'secretkey', 'SignMe!!'))).toBe('4d4c223f95dc577b665ec4ccbcb680b80a397038');
    expect(toHex(await web.hmac('SHA-256', 'secretkey', 'SignMe!!'))).toBe(
      '6be3caa84922e12aaaaa2f16c40d44433bb081ef323db584eb616333ab4e874f',
    );
    const ct = await web.aesCbcEncrypt(webEncoding.utf8('EncryptMe!'), range(32), range(16));
    expect(toB64(ct)).toBe('ByUF8vhyX4ddU9gcooznwA==');
    expect(webEncoding.fromUtf8(await web.aesCbcDecrypt(ct, range(32), range(16)))).toBe('EncryptMe!');
    await expect(web.aesCbcDecrypt(ct, range(32).reverse(), range(16))).rejects.toMatchObject({
      code: 'decrypt_failed',
    });
  });

  it('compares MACs without early exit semantics leaking into results', () => {
    expect(web.equalBytes(range(32), range(32))).toBe(true);
    expect(web.equalBytes(range(32), range(31))).toBe(false);
    const other = range(32);
    other[31] = 0;
    expect(web.equalBytes(range(32), other)).toBe(false);
  });
});
