/** crypto.md §12.6 and §5.2/§5.4: EncString parsing, serialization and the binary form. */
import { describe, expect, it } from 'vitest';
import { formatEncString, isSerializedEncString, parseEncString } from '../../../../src-main/crypto';
import { formatEncBuffer, parseEncBuffer } from '../../../../src-main/crypto/encString';
import { b64, range } from './helpers';

describe('§12.6 EncString parse shapes (enc-string.spec.ts)', () => {
  it.each([
    ['aXY=|Y3Q=', 0],
    ['0.QmFzZTY0UGFydA==|QmFzZTY0UGFydA==', 0],
    ['2.QmFzZTY0UGFydA==|QmFzZTY0UGFydA==|QmFzZTY0UGFydA==', 2],
    ['3.QmFzZTY0UGFydA==', 3],
    ['4.QmFzZTY0UGFydA==', 4],
    ['5.QmFzZTY0UGFydA==|QmFzZTY0UGFydA==', 5],
    ['6.QmFzZTY0UGFydA==|QmFzZTY0UGFydA==', 6],
  ])('%s parses as type %i with non-empty data', (text, type) => {
    const enc = parseEncString(text);
    expect(enc.type).toBe(type);
    expect(enc.data.length).toBeGreaterThan(0);
  });
});

describe('§12.6 isSerializedEncString', () => {
  // An access token: header.payload.signature, base64url, three dot-separated pieces.
  const jwt =
    'eyJhbGciOiJSUzI1NiIsImtpZCI6IjE4RDE0QjQ5IiwidHlwIjoiYXQrand0In0' +
    '.eyJuYmYiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwiaXNzIjoiaHR0cDovL2xvY2FsaG9zdCIsInN1YiI6ImExYjIifQ' +
    '.c2lnbmF0dXJlLWJ5dGVz';
  it.each([
    ['3.data', true],
    ['3.data|test', false],
    ['0.iv|data', true],
    ['0.iv|data|mac', false],
    ['2.iv|data|mac', true],
    ['2.iv|data', false],
    ['invalid.value', false],
    [jwt, false],
  ])('%s → %s', (text, expected) => {
    expect(isSerializedEncString(text)).toBe(expected);
  });
});

describe('§12.6 serialization', () => {
  it('type 2 serializes as 2.iv|data|mac', () => {
    expect(formatEncString({ type: 2, data: b64('ZGF0YQ=='), iv: b64('aXY='), mac: b64('bWFj') })).toBe(
      '2.aXY=|ZGF0YQ==|bWFj',
    );
  });
  it('type 3 serializes as 3.data', () => {
    expect(formatEncString({ type: 3, data: b64('data') })).toBe('3.data');
  });
});

describe('parse and format', () => {
  it.each([
    '0.QmFzZTY0UGFydA==|QmFzZTY0UGFydA==',
    '2.QmFzZTY0UGFydA==|QmFzZTY0UGFydA==|QmFzZTY0UGFydA==',
    '4.QmFzZTY0UGFydA==',
    '6.QmFzZTY0UGFydA==|QmFzZTY0UGFydA==',
    '7.QmFzZTY0UGFydA==',
  ])('round-trips %s', (text) => {
    expect(formatEncString(parseEncString(text))).toBe(text);
  });
  it('a headerless string is type 0 and formats with its header', () => {
    expect(formatEncString(parseEncString('aXY=|Y3Q='))).toBe('0.aXY=|Y3Q=');
  });
  it.each([
    ['unknown type 1', '1.aXY=|Y3Q=|bWFj'],
    ['unknown type 8', '8.aXY='],
    ['wrong part count', '2.aXY=|Y3Q='],
    ['invalid base64', '2.aXY=|Y3Q!|bWFj'],
    ['unpadded base64', '4.aXY'],
    ['empty part', '2.aXY=||bWFj'],
    ['two headers', '2.a.b'],
    ['empty string', ''],
  ])('refuses %s with bad_format', (_name, text) => {
    expect(() => parseEncString(text)).toThrow(expect.objectContaining({ code: 'bad_format' }));
  });
  it('formatting refuses a type 2 without its MAC', () => {
    expect(() => formatEncString({ type: 2, iv: range(16), data: range(16) })).toThrow(
      expect.objectContaining({ code: 'bad_format' }),
    );
  });
});

describe('binary form (§5.4)', () => {
  it('type 2 puts the MAC before the data', () => {
    const enc = {
      type: 2 as const,
      iv: range(16),
      mac: range(32).map((b) => b + 100),
      data: range(16).map((b) => b + 200),
    };
    const buffer = formatEncBuffer(enc);
    expect(buffer[0]).toBe(2);
    expect(buffer.subarray(17, 49)).toEqual(enc.mac);
    expect(parseEncBuffer(buffer)).toEqual(enc);
  });
  it('type 0 round-trips', () => {
    const enc = { type: 0 as const, iv: range(16), data: range(16) };
    expect(parseEncBuffer(formatEncBuffer(enc))).toEqual(enc);
  });
  it.each([
    ['a type 2 buffer shorter than 50 bytes', Uint8Array.of(2, ...range(48))],
    ['an unknown type', Uint8Array.of(4, ...range(64))],
    ['an empty buffer', new Uint8Array(0)],
  ])('refuses %s with bad_format', (_name, buffer) => {
    expect(() => parseEncBuffer(buffer)).toThrow(expect.objectContaining({ code: 'bad_format' }));
  });
});
