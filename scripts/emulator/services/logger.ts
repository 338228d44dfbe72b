// Logger and console: both collect into ws.logs (printed only when echoLogs is set).
import { inspect } from 'node:util';
import { counted } from '../context';
import type { LogEntry, ServiceState } from './state';

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return String(v);
  if (v instanceof Error || Object.prototype.toString.call(v) === '[object Error]') {
    const e = v as Error;
    return e.stack ?? `${e.name}: ${e.message}`;
  }
  if (v !== null && typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return inspect(v, { depth: 4 });
    }
  }
  return String(v);
}

function record(state: ServiceState, level: LogEntry['level'], message: string): void {
  state.logs.push({ level, message, at: state.ctx.clock.now().toISOString(), execution: state.ctx.currentExecution().id });
  if (state.echoLogs) {
    const out = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
    out.write(`[${level}] ${message}\n`);
  }
}

/** Logger.log(format, ...values) replaces %s (and %d, %f) in turn, as Apps Script does. */
function formatLog(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first === 'string' && rest.length > 0) {
    let i = 0;
    return first.replace(/%[sdfo]/g, (m) => (i < rest.length ? show(rest[i++]) : m));
  }
  return show(first);
}

export class EmuLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  private self!: GoogleAppsScript.Base.Logger;
  constructor(private state: ServiceState) {}
  bind(self: GoogleAppsScript.Base.Logger) { this.self = self; return self; }
  log(...args: unknown[]): GoogleAppsScript.Base.Logger {
    record(this.state, 'Logger', formatLog(args));
    return this.self;
  }
  getLog(): string {
    return this.state.logs.filter((l) => l.level === 'Logger').map((l) => `${l.at} INFO: ${l.message}`).join('\n');
  }
  clear(): void {
    for (let i = this.state.logs.length - 1; i >= 0; i--) if (this.state.logs[i].level === 'Logger') this.state.logs.splice(i, 1);
  }
}

export function createLogger(state: ServiceState): GoogleAppsScript.Base.Logger {
  const l = new EmuLogger(state);
  return l.bind(counted(state.ctx.calls, 'Logger', l) as unknown as GoogleAppsScript.Base.Logger);
}

/** The console of the sandbox (not counted: it is not an Apps Script service). */
export function createConsole(state: ServiceState): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const at = (level: LogEntry['level']) => (...args: unknown[]) => record(state, level, args.map(show).join(' '));
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}
