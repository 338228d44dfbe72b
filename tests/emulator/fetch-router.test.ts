// UrlFetchApp as a router of emulated REST services (issue 27: "every fetch in the bundle hits a
// documented fake or fails loudly naming the URL").
import { createWorkspace } from '../../scripts/emulator/workspace';
import { bearerUser, jsonReply } from '../../scripts/emulator/fetch/reply';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function echoRoute() {
  const seen: Any[] = [];
  return {
    seen,
    route: {
      describe: 'echo (https://echo.test/*)',
      key: 'echo',
      handle(request: Any) {
        if (request.url.host !== 'echo.test') return null;
        seen.push({ method: request.method, payload: request.payload, contentType: request.contentType, user: bearerUser(request) });
        return request.url.pathname === '/fail' ? jsonReply(402, { error: { message: 'declined' } }) : jsonReply(200, { ok: true, path: request.url.pathname });
      },
      toJSON: () => ({ requests: seen.length }),
    },
  };
}

test('a registered route answers its URLs; the reply is an HTTPResponse counted as urlfetch', () => {
  const ws = createWorkspace();
  const g = ws.globals as Any;
  const { route, seen } = echoRoute();
  ws.fetchRoutes.register(route);
  const token = ws.execute(() => g.ScriptApp.getOAuthToken());
  const res = ws.execute(() => g.UrlFetchApp.fetch('https://echo.test/v1/things', { method: 'post', payload: { a: 1, b: 'x y' }, headers: { Authorization: `Bearer ${token}` } }));
  expect(res.getResponseCode()).toBe(200);
  expect(JSON.parse(res.getContentText())).toEqual({ ok: true, path: '/v1/things' });
  // "If the payload is a JavaScript object, it is interpreted as a map of form field names to values" (UrlFetchApp.fetch reference).
  expect(seen[0]).toEqual({ method: 'post', payload: 'a=1&b=x+y', contentType: undefined, user: 'owner@studio.test' });
  expect(ws.calls.summary().byCategory.urlfetch).toBe(1);
  expect(ws.toJSON().fetchServices).toEqual({ echo: { requests: 1 } });
});

test('an error status throws as Apps Script does unless muteHttpExceptions; an unclaimed URL names itself and the routes', () => {
  const ws = createWorkspace();
  const g = ws.globals as Any;
  ws.fetchRoutes.register(echoRoute().route);
  expect(() => ws.execute(() => g.UrlFetchApp.fetch('https://echo.test/fail'))).toThrow(/^Request failed for https:\/\/echo.test returned code 402\. Truncated server response: /);
  expect(ws.execute(() => g.UrlFetchApp.fetch('https://echo.test/fail', { muteHttpExceptions: true }).getResponseCode())).toBe(402);
  expect(() => ws.execute(() => g.UrlFetchApp.fetch('https://example.com/x', { method: 'put' }))).toThrow(/no emulated service answers PUT https:\/\/example.com\/x \(it answers: Drive files.export .*; echo/);
});
