// Checkpoint writes (tick done, add, shift, remove, apply a plan). Each returns the deal's
// new health, which goes straight onto the board's card; listeners (the desk) hear of it.
import type { CheckpointInput } from '../src/app/contracts/health';
import { call } from './rpc';
import { perDeal, report, setHealth } from './actions';

const listeners: (() => void)[] = [];

export function onHealthChange(listener: () => void): void {
  listeners.push(listener);
}

function after(dealId: string, health: string): true {
  setHealth(dealId, health);
  for (const listener of listeners) listener();
  return true;
}

function failed(error: unknown): false {
  report(error);
  return false;
}

export function completeCheckpoint(dealId: string, checkpointId: string, done: boolean): Promise<boolean> {
  return perDeal(dealId, () => call('api_completeCheckpoint', checkpointId, done, dealId))
    .then((result) => after(dealId, result.health), failed);
}

/** Create (no id), edit (id + expectedVersion) or remove (remove: true + expectedVersion). */
export function saveCheckpoint(input: CheckpointInput): Promise<boolean> {
  return perDeal(input.dealId, () => call('api_saveCheckpoint', input))
    .then((result) => after(input.dealId, result.health), failed);
}

export function applyPlan(dealId: string, planName: string, startDate: string): Promise<number | null> {
  return perDeal(dealId, () => call('api_applyPlan', dealId, planName, startDate))
    .then((result) => { after(dealId, result.health); return result.added; }, (error) => { report(error); return null; });
}
