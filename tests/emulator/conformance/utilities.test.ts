// Utilities (developers.google.com/apps-script/reference/utilities/utilities).
import { caught, env } from './env';

describe('Utilities', () => {
  test('newBlob(data): "Create a new Blob object from a string." — its content type is text/plain', () => {
    const { run } = env();
    run(({ Utilities }) => {
      expect(Utilities.newBlob('hello').getContentType()).toBe('text/plain');
      expect(Utilities.newBlob('<b>x</b>', 'text/html').getContentType()).toBe('text/html');
      // newBlob(data: Byte[]): "Create a new Blob object from a byte array." — no content type
      expect(Utilities.newBlob([104, 105]).getContentType()).toBeNull();
    });
  });

  test('zip(blobs): "Creates a new Blob object that is a zip file containing the data from the Blobs passed in." — named archive.zip', () => {
    const { run } = env();
    run(({ Utilities }) => {
      const zip = Utilities.zip([Utilities.newBlob('a', 'text/plain', 'a.txt')]);
      expect(zip.getName()).toBe('archive.zip');
      expect(zip.getContentType()).toBe('application/zip');
      expect(Utilities.zip([Utilities.newBlob('a', 'text/plain', 'a.txt')], 'deals.zip').getName()).toBe('deals.zip');
    });
  });

  test('computeDigest / computeHmac*: a wrong number of arguments is refused with Apps Script\'s signature message', () => {
    const { run } = env();
    run(({ Utilities }) => {
      const u = Utilities as unknown as Record<string, (...a: unknown[]) => unknown>;
      expect(caught(() => u.computeDigest(Utilities.DigestAlgorithm.SHA_256)).message)
        .toBe("The parameters (Utilities.DigestAlgorithm) don't match the method signature for Utilities.computeDigest.");
      expect(caught(() => u.computeHmacSha256Signature('value')).message)
        .toBe("The parameters (String) don't match the method signature for Utilities.computeHmacSha256Signature.");
      expect(caught(() => u.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_256, 'v')).message)
        .toBe("The parameters (Utilities.MacAlgorithm,String) don't match the method signature for Utilities.computeHmacSignature.");
      // an empty key: "Exception: Invalid argument: key" on Apps Script (reported in gas-fakes issue #39)
      expect(caught(() => Utilities.computeHmacSha256Signature('v', '')).message).toBe('Invalid argument: key');
      // "Compute a digest using the specified algorithm on the specified String value with the given character set."
      const utf8 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'input to hash', Utilities.Charset.UTF_8);
      expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'input to hash')).toEqual(utf8);
      expect(utf8.length).toBe(16);
    });
  });
});
