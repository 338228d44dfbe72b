import type { StageKey } from '../../domain/deals/stages';
import type { Health } from '../../domain/checkpoints/health';

export interface CheckpointView {
  id: string;
  dealId: string;
  name: string;
  /** Local day 'yyyy-MM-dd' or null. */
  due: string | null;
  responsible: string;
  allowed: string;
  gatesStage: StageKey | '';
  doneAt: string | null;
  doneBy: string;
  notes: string;
  version: number;
  /** Days from today to the due day; negative when late; null when done or undated. */
  daysLeft: number | null;
  late: boolean;
  canComplete: boolean;
  /** Issue 23: set while the responsible is still a role several people hold ("unassigned: pick a person"). */
  unassignedRole?: string;
}

export interface HealthDeskItem {
  dealId: string;
  title: string;
  clientName: string;
  stage: StageKey;
  manager: string;
  health: Health;
  nearest: CheckpointView | null;
  openCount: number;
  doneCount: number;
  paid: number;
  amount: number;
  expectedClose: string | null;
  deadline: string | null;
}

export interface HealthDesk {
  today: string;
  currency: string;
  scope: 'mine' | 'all';
  counts: Record<Health, number>;
  items: HealthDeskItem[];
  /** An executor without Settings executor_sees_money: paid and amount are not sent (issue 21, item 17). */
  moneyHidden?: boolean;
}

export interface CheckpointInput {
  /** Absent to create. */
  id?: string;
  dealId: string;
  name?: string;
  due?: string | null;
  responsible?: string;
  allowed?: string;
  gatesStage?: StageKey | '';
  notes?: string;
  /** True to remove the checkpoint. */
  remove?: boolean;
  /** Required when editing or removing: the version the user saw. */
  expectedVersion?: number;
}
