// ScriptApp.getAuthorizationInfo (reference/script/script-app#getAuthorizationInfo(AuthMode)):
// "Gets an object that determines whether the user needs to authorize this script to use one or
// more services, and provides the URL for an authorization dialog."
// AuthorizationInfo.getAuthorizationStatus: "returns ... NOT_REQUIRED" once authorised;
// getAuthorizationUrl: "Gets the authorization URL ... or null if no authorization is required."
import { caught, env } from './env';

describe('ScriptApp.getAuthorizationInfo', () => {
  test('the emulator\'s user has authorised the script: NOT_REQUIRED and no URL', () => {
    const { run, g } = env();
    run(() => {
      const info = g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL);
      expect(info.getAuthorizationStatus()).toBe(g.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
      expect(info.getAuthorizationUrl()).toBeNull();
      expect(caught(() => (g.ScriptApp.getAuthorizationInfo as (x?: unknown) => unknown)()).message).toBe('Invalid argument: authMode');
    });
  });
});
