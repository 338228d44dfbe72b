// The plain-JSON shapes that cross google.script.run between the server and the sidebar.
// Dates are ISO strings; date-only values are 'yyyy-MM-dd' in the spreadsheet's time zone.
import type { StageKey } from '../../domain/deals/stages';
import type { Forecast } from '../../domain/reports/forecast';
import type { Role } from '../../domain/kernel/roles';

export interface BoardFilter {
  /** 'mine' (default for managers), 'all', or one manager's email. */
  scope?: 'mine' | 'all' | 'manager';
  manager?: string;
  /** Words matched against title, client, phone and email. */
  search?: string;
  /** Also send failed and completed deals closed more than closedVisibleDays ago. */
  includeArchive?: boolean;
}

export interface CardSteps {
  estimateAccepted: boolean;
  estimateSent: boolean;
  socialConnected: boolean;
  meetingAgreed: boolean;
}

export interface Card {
  id: string;
  title: string;
  stage: StageKey;
  position: number;
  clientId: string;
  clientName: string;
  phone: string;
  email: string;
  manager: string;
  managerName: string;
  budget: number;
  amount: number;
  /** What the card shows: the quote amount when there is one, else the rough budget. */
  value: number;
  forecast: Forecast | '';
  health: 'red' | 'amber' | 'green' | 'white' | '';
  nextContactAt: string | null;
  nextContactState: 'overdue' | 'today' | 'later' | null;
  /** The booked (or moved) meeting's start and end; null when none is planned (cancelled, declined). */
  meetingStart: string | null;
  meetingEnd: string | null;
  steps: CardSteps;
  daysInStage: number;
  expectedClose: string | null;
  closedAt: string | null;
  version: number;
  /** Whether the current user may change this deal. */
  editable: boolean;
  /**
   * A stage typed by hand that the add-on refused (unknown, or a move the rules forbid): the card
   * stays in the column of the last accepted stage and says what the cell holds.
   */
  stageProblem?: StageProblem;
}

/**
 * A save made on a card someone else changed meanwhile (issue 21, item 4): the fields their change
 * did not touch were saved; the fields both changed come back, theirs and yours, for the person to choose.
 */
export interface CardMerge {
  /** "Anna changed it at 09:00". */
  changedBy: string;
  saved: string[];
  conflicts: { field: string; label: string; yours: string | number | boolean | null; theirs: string | number | boolean | null }[];
}

/** api_updateDeal's answer: the fresh card, with `merge` when the save met someone else's change. */
export interface UpdatedCard extends Card {
  merge?: CardMerge;
}

export interface StageProblem {
  row: number;
  typed: string;
  why: string;
}

export interface Column {
  key: StageKey;
  name: string;
  colour: string;
  count: number;
  total: number;
  cards: Card[];
  /** Closed deals not sent because they are older than the visible window. */
  archived: number;
}

export interface InboxLead {
  id: string;
  name: string;
  phone: string;
  email: string;
  source: string;
  message: string;
  receivedAt: string | null;
  version: number;
}

export interface TeamMemberView {
  email: string;
  name: string;
  role: Role;
}

export interface ProblemView {
  tab: string;
  row: number;
  column: string;
  value: string;
  why: string;
  /** A refused stage typed by hand: the last stage the rules accepted for the row ("Put it back"). */
  accepted?: string;
}

export interface Board {
  generatedAt: string;
  today: string;
  currency: string;
  me: TeamMemberView;
  team: TeamMemberView[];
  filter: Required<Pick<BoardFilter, 'scope'>> & BoardFilter;
  columns: Column[];
  forecast: Record<Forecast | 'none', { count: number; amount: number }>;
  inbox: InboxLead[];
  problems: ProblemView[];
  problemCount: number;
  /** The spreadsheet's time zone: times typed and shown in the sidebar are wall-clock there. */
  timeZone?: string;
  /** The spreadsheet's locale ("en_US"): dates and money in the sidebar are written its way (issue 21, item 8). */
  locale?: string;
  /** Settings working_days (0 = Sunday … 6 = Saturday): a converted lead's call back defaults to the next one. */
  workingDays?: number[];
  /** An executor without Settings executor_sees_money: the board carries no money, and shows none (issue 21, item 17). */
  moneyHidden?: boolean;
}

export interface DealPatch {
  title?: string;
  budget?: number;
  forecast?: Forecast | '';
  estimateAccepted?: boolean;
  estimateSent?: boolean;
  socialConnected?: boolean;
  meetingAgreed?: boolean;
  /** ISO date-time, or null to clear. */
  nextContactAt?: string | null;
  manager?: string;
  /** 'yyyy-MM-dd', or null to clear. */
  expectedClose?: string | null;
  notes?: string;
  clientName?: string;
  phone?: string;
  email?: string;
}

export interface HistoryEntry {
  at: string | null;
  user: string;
  kind: string;
  summary: string;
  withWhom: string;
  agreed: string;
  nextStep: string;
}

export interface DealDetails {
  card: Card;
  notes: string;
  source: string;
  createdAt: string | null;
  history: HistoryEntry[];
  allowedMoves: StageKey[];
  checkpoints: import('./health').CheckpointView[];
}

export interface MoveResult {
  ok: boolean;
  /** Every reason a refused move was refused. */
  reasons: string[];
  card: Card | null;
}

export interface NewLeadInput {
  name: string;
  phone?: string;
  email?: string;
  source?: string;
  message?: string;
  /** Quick add: also create the client and a deal in New right away. */
  createDeal?: boolean;
  budget?: number;
  title?: string;
  /** With createDeal: the deal's next contact (ISO); omitted = the next working day 10:00, null = none. */
  nextContactAt?: string | null;
}

export interface ActivityInput {
  dealId: string;
  kind: 'note' | 'call' | 'email' | 'meeting';
  summary: string;
  /** ISO date-time; defaults to now. */
  at?: string;
  withWhom?: string;
  agreed?: string;
  nextStep?: string;
  /** Also set the deal's next contact. */
  nextContactAt?: string | null;
}

export interface ConvertResult {
  dealId: string;
  clientId: string;
  clientCreated: boolean;
}
