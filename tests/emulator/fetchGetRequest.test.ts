// UrlFetchApp.getRequest: "Returns the request that is made if the operation was invoked." The method
// reads lower-case whatever case the params give (gas-fakes' live suite, testfetch.js).
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

test('getRequest: method lower-case, contentType and payload as given, form-encoded by default', () => {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  ws.execute(() => {
    const U = (ws.globals as Any).UrlFetchApp;
    const req = U.getRequest('https://example.test/x', { method: 'POST', contentType: 'application/json', payload: '{"a":1}' });
    expect([req.method, req.contentType, req.payload]).toEqual(['post', 'application/json', '{"a":1}']);
    expect(U.getRequest('https://example.test/x').method).toBe('get');
    expect(U.getRequest('https://example.test/x', { method: 'post' }).contentType).toBe('application/x-www-form-urlencoded');
  });
});
