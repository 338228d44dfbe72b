// PropertiesService and Properties: string stores per document, script and user, with quotas.
import { counted } from '../context';
import type { ServiceState } from './state';
import { gasError, utf8Length } from './util';

type GProperties = GoogleAppsScript.Properties.Properties;

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

type PropertiesMethods =
  | 'getProperty' | 'getProperties' | 'getKeys' | 'setProperty' | 'setProperties' | 'deleteProperty' | 'deleteAllProperties';

export class EmuProperties implements Pick<GProperties, PropertiesMethods> {
  private self!: GProperties;
  constructor(private store: Map<string, string>) {}
  bind(self: GProperties): GProperties { this.self = self; return self; }

  private static size(store: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of store) n += utf8Length(k) + utf8Length(v);
    return n;
  }

  /** Applies changes all or nothing, enforcing the value and store quotas. */
  private commit(next: Map<string, string>): void {
    for (const [, v] of next) {
      if (utf8Length(v) > PROPERTY_VALUE_LIMIT) throw gasError('Argument too large: value');
    }
    if (EmuProperties.size(next) > PROPERTY_STORE_LIMIT) {
      throw gasError('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }

  getProperty(key: string): string | null {
    return this.store.has(String(key)) ? (this.store.get(String(key)) as string) : null;
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  setProperty(key: string, value: string): GProperties {
    if (key === undefined || key === null) throw gasError('Invalid argument: key');
    const next = new Map(this.store);
    next.set(String(key), String(value));
    this.commit(next);
    return this.self;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProperties {
    if (!properties || typeof properties !== 'object') throw gasError('Invalid argument: properties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const k of Object.keys(properties)) next.set(k, String(properties[k]));
    this.commit(next);
    return this.self;
  }
  deleteProperty(key: string): GProperties {
    this.store.delete(String(key));
    return this.self;
  }
  deleteAllProperties(): GProperties {
    this.store.clear();
    return this.self;
  }
}

type ServiceMethods = 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties';

export class EmuPropertiesService implements Pick<GoogleAppsScript.Properties.PropertiesService, ServiceMethods> {
  constructor(private state: ServiceState) {}
  private wrap(store: Map<string, string>): GProperties {
    const p = new EmuProperties(store);
    return p.bind(counted(this.state.ctx.calls, 'Properties', p) as unknown as GProperties);
  }
  getDocumentProperties(): GProperties {
    this.state.ctx.requireAuthorization('PropertiesService.getDocumentProperties');
    return this.wrap(this.state.properties.document);
  }
  getScriptProperties(): GProperties {
    this.state.ctx.requireAuthorization('PropertiesService.getScriptProperties');
    return this.wrap(this.state.properties.script);
  }
  getUserProperties(): GProperties {
    this.state.ctx.requireAuthorization('PropertiesService.getUserProperties');
    const user = this.state.ctx.currentUser();
    let store = this.state.properties.user.get(user);
    if (!store) {
      store = new Map();
      this.state.properties.user.set(user, store);
    }
    return this.wrap(store);
  }
}

export function createPropertiesService(state: ServiceState): GoogleAppsScript.Properties.PropertiesService {
  return counted(state.ctx.calls, 'PropertiesService', new EmuPropertiesService(state)) as unknown as GoogleAppsScript.Properties.PropertiesService;
}
