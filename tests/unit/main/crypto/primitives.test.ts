/** crypto.md §12.1: the primitives under Bitwarden's crypto, checked against upstream's own vectors. */
import { describe, expect, it } from 'vitest';
import {
  aesCbcDecrypt,
  aesCbcEncrypt,
  aesEcbDecrypt,
  digest,
  hkdf,
  hkdfExpand,
  hmac,
  pbkdf2Bytes,
} from '../../../../src-main/crypto/primitives';
import { CryptoError } from '../../../../src-main/crypto';
import { b64, range, toB64, toHex } from './helpers';

describe('§12.1 PBKDF2, 5000 iterations, salt = email string', () => {
  const rows = [
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
  ] as const;
  it.each(rows)('PBKDF2-SHA256(%s, %s)', async (password, salt, sha256) => {
    expect(toB64(await pbkdf2Bytes(password, salt, 5000, 32, 'sha256'))).toBe(sha256);
  });
  it.each(rows)('PBKDF2-SHA512(%s, %s)', async (password, salt, _sha256, sha512) => {
    expect(toB64(await pbkdf2Bytes(password, salt, 5000, 64, 'sha512'))).toBe(sha512);
  });
});

describe('§12.1 HKDF extract + expand, ikm criAmKtfzxanbgea5/kelQ==, 32 bytes', () => {
  const ikm = b64('criAmKtfzxanbgea5/kelQ==');
  const rows = [
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
  ] as const;
  it.each(rows)('HKDF-SHA256 salt %s / info %s', (salt, info, sha256) => {
    expect(toB64(hkdf(ikm, salt, info, 32, 'sha256'))).toBe(sha256);
  });
  it.each(rows)('HKDF-SHA512 salt %s / info %s', (salt, info, _sha256, sha512) => {
    expect(toB64(hkdf(ikm, salt, info, 32, 'sha512'))).toBe(sha512);
  });
});

describe('§12.1 HKDF-Expand only, info "info"', () => {
  const prk256 = b64('F5h4KdYQnIVH4rKH0P9CZb1GrR4n16/sJrS0PsQEn0Y=');
  const prk512 = b64('ssBK0mRG17VHdtsgt8yo4v25CRNpauH+0r2fwY/E9rLyaFBAOMbIeTry+gUJ28p8y+hFh3EI9pcrEWaNvFYonQ==');
  it.each([
    ['SHA-256, L = 32', prk256, 32, 'sha256', 'BnIqJlfnHm0e/2iB/15cbHyR19ARPIcWRp4oNS22CD8='],
    [
      'SHA-256, L = 64',
      prk256,
      64,
      'sha256',
      'BnIqJlfnHm0e/2iB/15cbHyR19ARPIcWRp4oNS22CD9BV+/queOZenPNkDhmlVyL2WZ3OSU5+7ISNF5NhNfvZA==',
    ],
    ['SHA-512, L = 32', prk512, 32, 'sha512', 'uLWbMWodSBms5uGJ5WTRTesyW+MD7nlpCZvagvIRXlk='],
    [
      'SHA-512, L = 64',
      prk512,
      64,
      'sha512',
      'uLWbMWodSBms5uGJ5WTRTesyW+MD7nlpCZvagvIRXlkY5Pv0sB+MqvaopmkC6sD/j89zDwTV9Ib2fpucUydO8w==',
    ],
  ] as const)('%s', (_name, prk, length, algorithm, expected) => {
    expect(toB64(hkdfExpand(prk, 'info', length, algorithm))).toBe(expected);
  });
  it('fails with "prk is too small." for a 16-byte PRK', () => {
    expect(() => hkdfExpand(b64('criAmKtfzxanbgea5/kelQ=='), 'info', 32, 'sha256')).toThrow('prk is too small.');
  });
  it('fails with "outputByteSize is too large." for L = 8161', () => {
    expect(() => hkdfExpand(prk256, 'info', 8161, 'sha256')).toThrow('outputByteSize is too large.');
    expect(() => hkdfExpand(prk256, 'info', 8161, 'sha256')).toThrow(CryptoError);
  });
});

describe('§12.1 hashes', () => {
  const rows = [
    [
      'HashMe!!',
      '2a241604fb921fad12bf877282457268e1dccb70',
      '2b8e96031d352a8655d733d7a930b5ffbea69dc25cf65c7bca7dd946278908b2',
      '5eceffa53a5fd58c44134211e2c5f522',
    ],
    [
      'HǻshMe!!',
      '85672798dc5831e96d6c48655d3d39365a9c88b6',
      '25fe8440f5b01ed113b0a0e38e721b126d2f3f77a67518c4a04fcde4e33eeb9d',
      '3abc9433c09551b939c80aa0aa3174e1',
    ],
    [
      '😀HashMe!!!🙏',
      '39c975935054a3efc805a9709b60763a823a6ad4',
      'adc1c0c2afd6e92cefdf703f9b6eb2c38e0d6d1a040c83f8505c561fea58852e',
      '85ae134072c8d81257933f7045ba17ca',
    ],
  ] as const;
  it.each(rows)('SHA-1(%s)', (input, sha1) => expect(toHex(digest('sha1', input))).toBe(sha1));
  it.each(rows)('SHA-256(%s)', (input, _sha1, sha256) => expect(toHex(digest('sha256', input))).toBe(sha256));
  it.each(rows)('MD5(%s)', (input, _sha1, _sha256, md5) => expect(toHex(digest('md5', input))).toBe(md5));
});

describe('§12.1 HMAC(key "secretkey", data "SignMe!!")', () => {
  it.each([
    ['sha1', '4d4c223f95dc577b665ec4ccbcb680b80a397038'],
    ['sha256', '6be3caa84922e12aaaaa2f16c40d44433bb081ef323db584eb616333ab4e874f'],
    [
      'sha512',
      '21910e341fa12106ca35758a2285374509326c9fbe0bd64e7b99c898f841dc948c58ce66d3504d8883c5ea7817a0b7c5d4d9b00364ccd214669131fc17fe4aca',
    ],
  ] as const)('HMAC-%s', (algorithm, expected) => {
    expect(toHex(hmac(algorithm, 'secretkey', 'SignMe!!'))).toBe(expected);
  });
});

describe('§12.1 AES', () => {
  it('AES-256-CBC encrypts "EncryptMe!" (key 0..31, iv 0..15) to ByUF8vhyX4ddU9gcooznwA== and back', () => {
    const ciphertext = aesCbcEncrypt(new TextEncoder().encode('EncryptMe!'), range(32), range(16));
    expect(toB64(ciphertext)).toBe('ByUF8vhyX4ddU9gcooznwA==');
    expect(new TextDecoder().decode(aesCbcDecrypt(ciphertext, range(32), range(16)))).toBe('EncryptMe!');
  });
  it('AES-256-ECB decrypts z5q2XSxYCdQFdI+qK2yLlw== (key 0..31) to "EncryptMe!"', () => {
    expect(new TextDecoder().decode(aesEcbDecrypt(b64('z5q2XSxYCdQFdI+qK2yLlw=='), range(32)))).toBe('EncryptMe!');
  });
});
