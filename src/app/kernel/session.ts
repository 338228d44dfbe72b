// What every use case starts from: the ports, the cached config, who is acting, and when.
import { Ports } from '../../ports';
import { Config, currentActor, loadConfig } from './config';
import { Actor } from '../../domain/kernel/roles';
import { addDays, instantOf, localDay } from '../../domain/kernel/timezone';
import { formatsFor } from '../../domain/kernel/formatting';

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

/**
 * "at 10:42 AM" or "on Nov 21, 2026 at 10:42 AM" in the workbook's zone and locale: when
 * something happened, for messages. Written by the one formatting module (issue 21, item 8).
 */
export function describeTime(at: Date, now: Date, timeZone: string, locale?: string): string {
  return formatsFor({ locale, timeZone }).happened(at, now);
}
