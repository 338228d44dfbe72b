// Issue 20, item 12: only https:// links to Google's document hosts are shown as links.
import { googleLink } from '../../../src/domain/kernel/links';

describe('googleLink', () => {
  it('keeps https links to docs.google.com and drive.google.com', () => {
    for (const url of [
      'https://docs.google.com/document/d/abc/edit',
      'https://drive.google.com/file/d/abc/view',
      'https://drive.google.com/drive/folders/xyz',
      'https://DOCS.google.com/document/d/abc',
      'https://docs.google.com',
    ]) expect(googleLink(url)).toBe(url);
    expect(googleLink('  https://docs.google.com/document/d/abc/edit ')).toBe('https://docs.google.com/document/d/abc/edit');
  });

  it('refuses every other scheme, host and trick', () => {
    for (const url of [
      'javascript:alert(1)', 'JavaScript:alert(document.cookie)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)', 'http://docs.google.com/document/d/abc', '//docs.google.com/document/d/abc',
      'https://docs.google.com.evil.test/x', 'https://docs.google.com@evil.test/x', 'https://evil.test/docs.google.com/',
      'https://docs.google.com:8443/x', 'https://docs.google.com\\@evil.test', 'https://sheets.google.com/x',
      'https://docs.google.com/x"onmouseover="alert(1)', 'https://docs.google.com/x\ny', 'https://docs.google.com/\u0000x', '',
    ]) expect({ url, link: googleLink(url) }).toEqual({ url, link: null });
    expect(googleLink(null)).toBeNull();
    expect(googleLink(42)).toBeNull();
  });

  it('keeps the local playground\'s loopback Drive links (they reach only the reader\'s own machine)', () => {
    expect(googleLink('http://127.0.0.1:8315/file/d/abc/view')).toBe('http://127.0.0.1:8315/file/d/abc/view');
    expect(googleLink('http://localhost:9000/document/d/abc/edit')).toBe('http://localhost:9000/document/d/abc/edit');
    for (const url of ['http://127.0.0.1.evil.test:80/x', 'http://127.0.0.1@evil.test:80/x', 'http://127.0.0.1/x', 'javascript://127.0.0.1:80/%0aalert(1)']) {
      expect({ url, link: googleLink(url) }).toEqual({ url, link: null });
    }
  });
});
