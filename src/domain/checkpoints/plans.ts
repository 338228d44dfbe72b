import { StageKey } from '../deals/stages';
import { addDays } from '../kernel/timezone';

export interface PlanStep {
  plan: string;
  name: string;
  daysFromStart: number;
  /** A role (manager, executor, head, owner) or an email. */
  responsible: string;
  allowed: string;
  gatesStage: StageKey | '';
}

/** What setup puts into an empty Plans tab: a web studio's usual delivery. */
export const DEFAULT_PLAN: readonly PlanStep[] = [
  { plan: 'Website', name: 'Design done', daysFromStart: 10, responsible: 'executor', allowed: '', gatesStage: '' },
  { plan: 'Website', name: 'Prototype done', daysFromStart: 20, responsible: 'executor', allowed: '', gatesStage: '' },
  { plan: 'Website', name: 'Testing done', daysFromStart: 30, responsible: 'executor', allowed: '', gatesStage: '' },
  { plan: 'Website', name: 'Works completed', daysFromStart: 35, responsible: 'executor', allowed: 'manager', gatesStage: 'completed' },
  { plan: 'Website', name: 'Payment received', daysFromStart: 40, responsible: 'manager', allowed: '', gatesStage: 'completed' },
];

export interface PlannedCheckpoint {
  name: string;
  due: string;
  responsible: string;
  allowed: string;
  gatesStage: StageKey | '';
}

/** The role words a plan step (or a checkpoint typed by hand) may name as responsible. */
export const ROLE_WORDS = ['owner', 'head', 'manager', 'executor'] as const;

/**
 * A checkpoint waiting for someone to pick its person (issue 23): its responsible is still a
 * role word other than "manager" (which always means the deal's manager), because that role had
 * several active members when the plan was applied. Returns the role, or null.
 */
export function unassignedRole(responsible: string): string | null {
  const role = responsible.trim().toLowerCase();
  return role !== 'manager' && (ROLE_WORDS as readonly string[]).indexOf(role) >= 0 ? role : null;
}

/**
 * Who a plan step's responsible becomes when the plan is applied (issue 23: a tick is credited
 * to Eva, not to "executor"): "manager" is the deal's manager; another role is its only active
 * member; a role nobody holds goes to the deal's manager, who hands it on; a role several people
 * hold stays the role word — the checkpoint is "unassigned: pick a person" on the card and the
 * desk until someone picks. An e-mail stays as typed.
 */
export function resolvePlanResponsible(responsible: string, dealManager: string, team: readonly { email: string; role: string; active: boolean }[]): string {
  const who = responsible.trim();
  const role = who.toLowerCase();
  if (role === 'manager') return dealManager;
  if ((ROLE_WORDS as readonly string[]).indexOf(role) < 0) return who;
  const holders = team.filter((m) => m.active && m.role === role).map((m) => m.email);
  if (holders.length === 1) return holders[0];
  return holders.length === 0 ? dealManager : role;
}

/**
 * The checkpoints a plan gives a deal started on `startDay` (responsible resolved by
 * resolvePlanResponsible); steps already on the deal (same name) are not added twice.
 */
export function planCheckpoints(
  steps: readonly (PlanStep & { order: number })[],
  startDay: string,
  dealManager: string,
  existingNames: readonly string[],
  /** The team (issue 21, item 18; issue 23): a role goes to a person, not to the role word. */
  team: readonly { email: string; role: string; active: boolean }[] = [],
): PlannedCheckpoint[] {
  const have = existingNames.map((n) => n.trim().toLowerCase());
  return steps
    .slice()
    .sort((a, b) => a.order - b.order || a.daysFromStart - b.daysFromStart)
    .filter((step) => have.indexOf(step.name.trim().toLowerCase()) < 0)
    .map((step) => ({
      name: step.name,
      due: addDays(startDay, Math.max(0, Math.round(step.daysFromStart))),
      responsible: resolvePlanResponsible(step.responsible, dealManager, team),
      allowed: step.allowed,
      gatesStage: step.gatesStage,
    }));
}

/**
 * The person a checkpoint's responsible stands for (issue 23, the delay report credits people,
 * not roles): an e-mail stays as it is; a role is the one who ticked it when they hold that role,
 * else the only active member with that role; several candidates and no tick keep the role.
 */
export function personResponsible(responsible: string, team: readonly { email: string; role: string; active: boolean }[], doneBy = ''): string {
  const role = responsible.trim().toLowerCase();
  if (['owner', 'head', 'manager', 'executor'].indexOf(role) < 0) return responsible;
  const holders = team.filter((m) => m.active && m.role === role);
  const ticker = doneBy.trim().toLowerCase();
  const ticked = holders.filter((m) => m.email.trim().toLowerCase() === ticker)[0];
  if (ticker !== '' && ticked) return ticked.email;
  return holders.length === 1 ? holders[0].email : responsible;
}
