// Typed views of decoded rows. The codec has already checked every value's type.
import { DecodedRecord, isDate } from '../../workbook/codec';
import { StageKey, isStageKey } from '../../domain/deals/stages';
import { Forecast, isForecast } from '../../domain/reports/forecast';

export interface Deal {
  id: string;
  title: string;
  stage: StageKey | null;
  forecast: Forecast | '';
  health: 'red' | 'amber' | 'green' | 'white' | '';
  openGates: string;
  clientId: string;
  clientName: string;
  phone: string;
  email: string;
  manager: string;
  budget: number;
  amount: number;
  nextContactAt: Date | null;
  meetingStart: Date | null;
  meetingEnd: Date | null;
  meetingStatus: string;
  estimateAccepted: boolean;
  estimateSent: boolean;
  socialConnected: boolean;
  meetingAgreed: boolean;
  expectedClose: Date | null;
  deadline: Date | null;
  position: number;
  stageSince: Date | null;
  createdAt: Date | null;
  closedAt: Date | null;
  source: string;
  notes: string;
  version: number;
  updatedAt: Date | null;
  updatedBy: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown) => (typeof v === 'number' && isFinite(v) ? v : 0);
const date = (v: unknown): Date | null => (isDate(v) ? v : null);
const flag = (v: unknown) => v === true;

export function toDeal(r: DecodedRecord): Deal {
  const health = text(r.health);
  const money = toDealMoney(r);
  return {
    id: money.id,
    title: text(r.title),
    stage: money.stage,
    forecast: isForecast(r.forecast) ? r.forecast : '',
    health: health === 'red' || health === 'amber' || health === 'green' || health === 'white' ? health : '',
    openGates: text(r.openGates),
    clientId: text(r.clientId),
    clientName: text(r.clientName),
    phone: text(r.phone),
    email: text(r.email),
    manager: text(r.manager),
    budget: money.budget,
    amount: money.amount,
    nextContactAt: date(r.nextContactAt),
    meetingStart: date(r.meetingStart),
    meetingEnd: date(r.meetingEnd),
    meetingStatus: text(r.meetingStatus),
    estimateAccepted: flag(r.estimateAccepted),
    estimateSent: flag(r.estimateSent),
    socialConnected: flag(r.socialConnected),
    meetingAgreed: flag(r.meetingAgreed),
    expectedClose: date(r.expectedClose),
    deadline: date(r.deadline),
    position: num(r.position),
    stageSince: date(r.stageSince),
    createdAt: date(r.createdAt),
    closedAt: date(r.closedAt),
    source: text(r.source),
    notes: text(r.notes),
    version: num(r.version),
    updatedAt: date(r.updatedAt),
    updatedBy: text(r.updatedBy),
  };
}

/** The four fields the archive's choice of deals needs, without a whole Deal per row (toDeal reads them through it). */
export function toDealMoney(r: DecodedRecord): Pick<Deal, 'id' | 'stage' | 'amount' | 'budget'> {
  return { id: text(r.id), stage: isStageKey(r.stage) ? r.stage : null, amount: num(r.amount), budget: num(r.budget) };
}

export interface Lead {
  id: string;
  receivedAt: Date | null;
  name: string;
  phone: string;
  email: string;
  source: string;
  message: string;
  status: string;
  dealId: string;
  clientId: string;
  version: number;
}

export function toLead(r: DecodedRecord): Lead {
  return {
    id: text(r.id),
    receivedAt: date(r.receivedAt),
    name: text(r.name),
    phone: text(r.phone),
    email: text(r.email),
    source: text(r.source),
    message: text(r.message),
    status: text(r.status) || 'new',
    dealId: text(r.dealId),
    clientId: text(r.clientId),
    version: num(r.version),
  };
}

export interface Client {
  id: string;
  name: string;
  group: string;
  phone: string;
  email: string;
  manager: string;
}

export function toClient(r: DecodedRecord): Client {
  return { id: text(r.id), name: text(r.name), group: text(r.group), phone: text(r.phone), email: text(r.email), manager: text(r.manager) };
}

export function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export interface Checkpoint {
  id: string;
  dealId: string;
  name: string;
  due: Date | null;
  responsible: string;
  allowed: string;
  gatesStage: StageKey | '';
  /** Done only when confirmed: the add-on fills "Done by" for whoever was allowed to mark it. */
  doneAt: Date | null;
  doneBy: string;
  /** A done date typed in the sheet that nobody allowed has confirmed (listed as a problem). */
  unconfirmedDoneAt: Date | null;
  notes: string;
  version: number;
  updatedAt: Date | null;
  updatedBy: string;
}

export function toCheckpoint(r: DecodedRecord): Checkpoint {
  return {
    id: text(r.id),
    dealId: text(r.dealId),
    name: text(r.name),
    due: date(r.due),
    responsible: text(r.responsible),
    allowed: text(r.allowed),
    gatesStage: isStageKey(r.gatesStage) ? r.gatesStage : '',
    doneAt: text(r.doneBy) !== '' ? date(r.doneAt) : null,
    doneBy: text(r.doneBy),
    unconfirmedDoneAt: text(r.doneBy) === '' ? date(r.doneAt) : null,
    notes: text(r.notes),
    version: num(r.version),
    updatedAt: date(r.updatedAt),
    updatedBy: text(r.updatedBy),
  };
}
