// Session and User.
import { createHash } from 'node:crypto';
import { counted } from '../context';
import type { ServiceState } from './state';

type GUser = GoogleAppsScript.Base.User;

export class EmuUser implements Pick<GUser, 'getEmail'> {
  constructor(private email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

export function userObject(state: ServiceState, email: string): GUser {
  return counted(state.ctx.calls, 'User', new EmuUser(email)) as unknown as GUser;
}

type SessionMethods = 'getActiveUser' | 'getActiveUserLocale' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey';

export class EmuSession implements Pick<GoogleAppsScript.Base.Session, SessionMethods> {
  constructor(private state: ServiceState) {}
  getActiveUser(): GUser {
    return userObject(this.state, this.state.ctx.currentUser());
  }
  getEffectiveUser(): GUser {
    return userObject(this.state, this.state.ctx.currentUser());
  }
  getActiveUserLocale(): string {
    return 'en';
  }
  getScriptTimeZone(): string {
    return this.state.ctx.timeZone();
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`emulator:${this.state.ctx.currentUser()}`).digest('base64url').slice(0, 43);
  }
}

export function createSession(state: ServiceState): GoogleAppsScript.Base.Session {
  return counted(state.ctx.calls, 'Session', new EmuSession(state)) as unknown as GoogleAppsScript.Base.Session;
}
