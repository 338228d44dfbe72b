import type { YearFigures } from '../../domain/backup/archivePlan';
// What api_getDashboard returns (issue 23): plain JSON, dates as 'yyyy-mm-dd'. Every figure
// holds the ids of the deals behind it; `deals` names each of them so a list can be shown.
import type {
  ConversionFigures, Figure, GrossProfitFigures, OverdueFigures, PeriodKind, PipelineFigures, PlanRow,
} from '../../domain/reports/kpi';
import type { ReceivablesFigures } from '../../domain/money/receivables';
import type { SinceYesterday } from '../../domain/reports/sinceYesterday';

export interface DashboardRequest {
  kind: PeriodKind;
  /** Only for custom: inclusive local days. */
  from?: string;
  to?: string;
}

export interface DashboardDealRef {
  title: string;
  clientName: string;
  stage: string;
  manager: string;
  value: number;
}

/** One line of the by-manager / by-source tables: the period's deals, won and lost, win rate. */
export interface ConversionRow {
  key: string;
  deals: Figure;
  won: Figure;
  lost: number;
  winRate: number;
  salesCycleDays: number | null;
}

export interface Dashboard {
  period: { kind: PeriodKind; from: string; to: string };
  /** '' = every manager the caller may see. */
  manager: string;
  /** The managers the caller may pick (a manager: only themself). */
  managers: { email: string; name: string }[];
  currency: string;
  today: string;
  pipeline: PipelineFigures;
  plan: PlanRow[];
  conversion: ConversionFigures;
  conversionByManager: ConversionRow[];
  conversionBySource: ConversionRow[];
  grossProfit: GrossProfitFigures;
  overdue: OverdueFigures;
  /** What clients owe on issued invoices, as of today (not the period); a note until an invoice is issued. */
  receivables: ({ available: true } & ReceivablesFigures) | { available: false; note: string };
  /** The morning meeting's strip: from the start of yesterday until now (not the period). */
  sinceYesterday: SinceYesterday;
  /** Closed deals per year of close, live and archived (issue 24), newest year first. */
  years: YearFigures[];
  deals: Record<string, DashboardDealRef>;
  /** True when the figures came from the cache (same change stamp, same question). */
  cached: boolean;
}
