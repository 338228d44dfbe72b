// Client briefs as they cross google.script.run: plain data, ISO strings.

export interface BriefAnswerView { id: string; question: string; answer: string; answeredAt: string; mapsTo: string; appliedAt: string | null }

export interface BriefProposal { answerId: string; field: 'budget'; value: number; text: string }

export interface BriefView {
  dealId: string;
  /** 'none' | 'sent' (not answered yet) | 'answered' */
  status: 'none' | 'sent' | 'answered';
  /** "Brief sent · not answered", "Brief answered 7 Dec"… */
  label: string;
  url: string;
  template: string;
  sentAt: string | null;
  answeredAt: string | null;
  /** The latest answer per question. */
  answers: BriefAnswerView[];
  /** How many responses the client sent (earlier answers are kept on the Brief answers tab). */
  responses: number;
  proposals: BriefProposal[];
  /** Questions that fill quote lines were answered: "Start quote from brief" has something to start. */
  quoteReady: boolean;
  templates: string[];
}

export interface SendBriefResult {
  brief: BriefView;
  /** The e-mail's status: sent, queued (goes with the next run), waiting (daily quota), blocked. */
  mail: { status: string; reason: string };
  /** The form was made now (false: an earlier one was reused). */
  created: boolean;
  needsConfirmation: boolean;
  question: string | null;
}

export interface QuoteFromBrief {
  dealId: string;
  lines: { code: string; description: string; details: string; unit: string; quantity: number; unitPriceMinor: number; discountPercent: number }[];
  /** Mapped answers whose Catalog item is missing or inactive. */
  unknown: string[];
}
