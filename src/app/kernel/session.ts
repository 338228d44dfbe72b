// What every use case starts from: the ports, the cached config, who is acting, and when.
import { Ports } from '../../ports';
import { Config, currentActor, loadConfig } from './config';
import { Actor } from '../../domain/kernel/roles';
import { addDays, instantOf, localDay, wallTime } from '../../domain/kernel/timezone';

export interface UseCaseContext {
  ports: Ports;
  config: Config;
  actor: Actor;
  moment: Moment;
}

export interface Moment {
  now: Date;
  today: string;
  startOfToday: Date;
  startOfTomorrow: Date;
  /** 'yyyy-MM-dd' of an instant in the spreadsheet's zone (for date-only values). */
  localDay(instant: Date): string;
}

export function momentOf(now: Date, timeZone: string): Moment {
  const today = localDay(now, timeZone);
  return {
    now,
    today,
    startOfToday: instantOf(today, timeZone),
    startOfTomorrow: instantOf(addDays(today, 1), timeZone),
    localDay: (instant) => localDay(instant, timeZone),
  };
}

export function begin(ports: Ports): UseCaseContext {
  const config = loadConfig(ports);
  const actor = currentActor(ports, config);
  return { ports, config, actor, moment: momentOf(ports.clock.now(), config.timeZone) };
}

/** "10:42" or "21 Nov 10:42" in the workbook's zone: when something happened, for messages. */
export function describeTime(at: Date, now: Date, timeZone: string): string {
  const w = wallTime(at, timeZone);
  const hhmm = `${w.hour < 10 ? '0' : ''}${w.hour}:${w.minute < 10 ? '0' : ''}${w.minute}`;
  if (localDay(at, timeZone) === localDay(now, timeZone)) return `at ${hhmm}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `on ${w.day} ${months[w.month - 1]} at ${hhmm}`;
}
