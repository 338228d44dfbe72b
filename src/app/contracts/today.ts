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

export interface TodayView {
  generatedAt: string;
  /** 'yyyy-MM-dd' in the spreadsheet's zone. */
  today: string;
  timeZone: string;
  /** Whose day it is. */
  manager: string;
  items: TodayItemView[];
}
