// Utilities.computeDigest / computeHmacSignature / computeHmacSha256Signature accept only their
// documented overloads (Apps Script reference: computeDigest(algorithm, value) with value a Byte[] or
// a String, computeDigest(algorithm, value, charset) with a String; the same for the HMAC methods
// with value and key), and Utilities.unzip types the files it returns.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const fresh = () => {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  return { U: (ws.globals as Any).Utilities, run: <T>(fn: () => T) => ws.execute(fn) };
};

test('digest and HMAC: bytes with bytes, or Strings with an optional Charset; nothing else', () => {
  const { U, run } = fresh();
  run(() => {
    const bytes = U.newBlob('abc').getBytes();
    const key = U.newBlob('key').getBytes();
    // computeHmacSha256Signature(value, key): "Signs the provided value using HMAC-SHA256 with the given key." (Byte[], Byte[]) and (String, String)
    expect(U.computeHmacSha256Signature(bytes, key)).toEqual(U.computeHmacSha256Signature('abc', 'key'));
    // computeHmacSha256Signature(value, key, charset): "…with the given key and character set." (Strings only)
    expect(U.computeHmacSha256Signature('abc', 'key', U.Charset.UTF_8)).toHaveLength(32);
    const sig = (types: string, m = 'computeHmacSha256Signature') => `The parameters (${types}) don't match the method signature for Utilities.${m}.`;
    expect(caught(() => U.computeHmacSha256Signature(bytes, 'key')).message).toBe(sig('number[],String'));
    expect(caught(() => U.computeHmacSha256Signature('abc', key)).message).toBe(sig('String,number[]'));
    expect(caught(() => U.computeHmacSha256Signature(bytes, key, U.Charset.UTF_8)).message).toBe(sig('number[],number[],Utilities.Charset'));
    expect(caught(() => U.computeHmacSha256Signature('abc', 'key', 'fake')).message).toBe(sig('String,String,String'));
    const bad = bytes.map((b: number) => `${b}woah`);
    expect(caught(() => U.computeHmacSha256Signature(bad, key)).message).toMatch(/^Cannot convert .* to byte\.$/);
    // computeDigest(algorithm, value): "Compute a digest using the specified algorithm on the specified Byte[] value."
    expect(U.computeDigest(U.DigestAlgorithm.MD5, bytes)).toEqual(U.computeDigest(U.DigestAlgorithm.MD5, 'abc'));
    expect(caught(() => U.computeDigest(U.DigestAlgorithm.MD5, [0, 1, 2], U.Charset.UTF_8)).message).toBe(sig('Utilities.DigestAlgorithm,number[],Utilities.Charset', 'computeDigest'));
    expect(caught(() => U.computeDigest('fake', 'abc', U.Charset.US_ASCII)).message).toBe(sig('String,String,Utilities.Charset', 'computeDigest'));
    expect(caught(() => U.computeDigest(U.DigestAlgorithm.MD5, bad)).message).toMatch(/^Cannot convert/);
    expect(caught(() => U.computeHmacSignature('HMAC_NOPE', 'a', 'b')).message).toBe(sig('String,String,String', 'computeHmacSignature'));
  });
});

test('unzip: "Takes a Blob representing a zip file and returns its component files." typed by their names', () => {
  const { U, run } = fresh();
  run(() => {
    const files = U.unzip(U.zip([U.newBlob('a', 'text/plain', 'a.txt'), U.newBlob('{}', 'application/json', 'b.json'), U.newBlob('x', 'text/plain', 'c.unknownext')]));
    expect(files.map((f: Any) => f.getContentType())).toEqual(['text/plain', 'application/json', null]);
  });
});
