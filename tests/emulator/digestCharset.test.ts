// Utilities.computeDigest / computeHmacSha256Signature with a String and no charset (issue 27).
// The reference: "computeDigest(algorithm, value): Compute a digest using the specified algorithm
// on the specified String value." and, with a charset, "... with the given character set." It names
// no default. Apps Script's answers do: the vectors below were measured on live Apps Script by
// gas-fakes' conformance suite (github.com/brucemcpherson/gas-fakes, test/testutilities.js,
// "default charset with special text is US_ASCII"): without a charset a String is encoded as
// US_ASCII, each character outside ASCII (a code point, so '🙂' is one) becoming '?'.
import { createWorkspace } from '../../scripts/emulator/index';

const ws = createWorkspace();
const U = ws.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
const MD5 = U.DigestAlgorithm.MD5;
const SHA_256 = U.DigestAlgorithm.SHA_256;

// live vectors (signed bytes, as Apps Script returns them)
const LIVE = {
  md5: {
    ascii: { UTF_8: [-16, -20, -112, 64, -50, -47, -118, 102, -113, 70, -112, 94, -34, -49, 117, -103] },
    special: {
      UTF_8: [-71, 89, 42, -99, 35, -63, -51, -82, 83, 46, 87, -53, -35, -67, 116, -6],
      US_ASCII: [-22, 3, -4, -72, -60, 120, 34, -68, -25, 114, -49, 108, 7, -48, -21, -69],
    },
  },
  sha256: {
    special: {
      UTF_8: [-88, 113, -56, 11, 33, 65, -120, -22, 68, -108, -12, 96, 79, 31, 50, 2, 75, 2, -11, -5, 66, 40, -63, 3, -102, 83, 87, -120, 26, 19, -18, -69],
      US_ASCII: [-30, 112, -82, -77, 71, -14, 22, 85, 116, -61, -91, -59, -65, 17, -48, 56, -68, -45, -84, -43, -85, -3, -75, -82, -118, 27, 82, -39, 28, -72, 66, -16],
    },
  },
};

describe('computeDigest: the charset of a String value', () => {
  test('ASCII text digests the same in every charset', () => {
    expect(U.computeDigest(MD5, 'input to hash')).toEqual(LIVE.md5.ascii.UTF_8);
    expect(U.computeDigest(MD5, 'input to hash', U.Charset.US_ASCII)).toEqual(LIVE.md5.ascii.UTF_8);
    expect(U.computeDigest(MD5, 'input to hash', U.Charset.UTF_8)).toEqual(LIVE.md5.ascii.UTF_8);
  });

  test('with no charset, non-ASCII text is encoded as US_ASCII (as Apps Script does), not UTF-8', () => {
    expect(U.computeDigest(MD5, '€🙂')).toEqual(LIVE.md5.special.US_ASCII);
    expect(U.computeDigest(SHA_256, '€🙂')).toEqual(LIVE.sha256.special.US_ASCII);
    expect(U.computeDigest(MD5, '€🙂')).not.toEqual(LIVE.md5.special.UTF_8);
  });

  test('"... with the given character set": UTF_8 and US_ASCII (one "?" per character, a surrogate pair being one)', () => {
    expect(U.computeDigest(MD5, '€🙂', U.Charset.UTF_8)).toEqual(LIVE.md5.special.UTF_8);
    expect(U.computeDigest(MD5, '€🙂', U.Charset.US_ASCII)).toEqual(LIVE.md5.special.US_ASCII);
    expect(U.computeDigest(MD5, '€🙂', U.Charset.US_ASCII)).toEqual(U.computeDigest(MD5, '??'));
  });

  test('a byte array is digested as it is (the UTF-8 bytes of a blob give the UTF_8 digest)', () => {
    expect(U.computeDigest(MD5, U.newBlob('€🙂').getBytes())).toEqual(LIVE.md5.special.UTF_8);
  });

  test('computeHmacSha256Signature follows the same default for Strings ("default is ascii" in the same suite)', () => {
    expect(U.computeHmacSha256Signature('€🙂', 'kéy')).toEqual(U.computeHmacSha256Signature('€🙂', 'kéy', U.Charset.US_ASCII));
    expect(U.computeHmacSha256Signature('€🙂', 'kéy')).not.toEqual(U.computeHmacSha256Signature('€🙂', 'kéy', U.Charset.UTF_8));
  });
});
