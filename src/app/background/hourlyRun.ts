// The hourly run: every background job (settings, health, delay report, digests, the e-mail
// drain, meetings, imports, backups, payments, briefs) under one scheduler with a shared
// deadline. entry.ts only wires the Apps Script services in; the order of things lives here.
import { Ports } from '../../ports';
import { BackgroundServices, backgroundJobs } from './backgroundJobs';
import { ChangeStamp, SchedulerRun, runJobs } from './scheduler';

export interface HourlyRun {
  /** Runs the jobs; the services are made only now, inside whatever the caller wraps this in. */
  run(services: () => BackgroundServices, stamp: ChangeStamp): SchedulerRun;
}

/**
 * Starts the hourly run's clock: the deadline counts from the moment the trigger fired, so call
 * this first thing, before the change-stamp wrapper or any service is set up.
 */
export function beginHourlyRun(ports: Ports): HourlyRun {
  // The execution's clock starts here: no job is started after 4.5 minutes of it.
  const startedAt = ports.clock.now().getTime();
  return {
    run: (services, stamp) => runJobs(ports, backgroundJobs(ports, services()), stamp, startedAt),
  };
}
