// The Today list ("who do I call today") as it crosses google.script.run: ISO instants.
export interface TodayItemView {
  dealId: string;
  title: string;
  clientName: string;
  kind: 'contact' | 'meeting';
  /** When to call, or when the meeting starts. */
  at: string;
  end: string | null;
  overdue: boolean;
}

/** A brief the client answered in the last days (issue 25), on one of the manager's deals. */
export interface TodayBriefView {
  dealId: string;
  title: string;
  clientName: string;
  answeredAt: string;
}

export interface TodayView {
  generatedAt: string;
  /** 'yyyy-MM-dd' in the spreadsheet's zone. */
  today: string;
  timeZone: string;
  /** Whose day it is. */
  manager: string;
  items: TodayItemView[];
  /** "Brief answered": the manager's live deals whose brief was answered in the last BRIEF_NEWS_DAYS days, newest first. */
  briefs: TodayBriefView[];
}
