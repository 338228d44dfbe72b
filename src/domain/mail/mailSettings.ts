// Settings of the e-mail notifications (rows of the Settings tab, read with the others).
export interface MailSettings {
  /** Events that queue a client e-mail: `stage.<stage key>` and `checkpoint.done`. */
  clientEvents: string[];
  /** Attach the PDF when sending a proposal or an invoice. */
  attachPdf: boolean;
  digest: DigestSettings;
}

export const DEFAULT_MAIL_SETTINGS = [
  {
    key: 'mail_client_events',
    value: 'stage.in_work, stage.completed',
    description: 'Events that queue an e-mail to the client (stage.<stage>, checkpoint.done); the texts are on the Notifications tab, where each can be switched off.',
  },
  { key: 'mail_attach_pdf', value: 'TRUE', description: 'Attach the PDF when a proposal or an invoice is sent by e-mail.' },
  { key: 'digest_enabled', value: 'TRUE', description: 'Send each person a morning e-mail with their calls, late checkpoints, red deals, stuck deals and new requests.' },
  { key: 'digest_hour', value: '8', description: 'Hour (in the workbook time zone) from which the morning digest goes out.' },
  { key: 'stuck_days', value: '14', description: 'A deal longer than this many days in one stage is listed as stuck in the digest (0: never).' },
];

export function readMailSettings(get: (key: string) => string | undefined): MailSettings {
  const events = get('mail_client_events');
  const attach = (get('mail_attach_pdf') ?? 'TRUE').toLowerCase();
  return {
    clientEvents: (events === undefined ? DEFAULT_MAIL_SETTINGS[0].value : events).split(/[,\s]+/).map((s) => s.trim()).filter((s) => s !== ''),
    attachPdf: ['false', 'no', '0', 'off'].indexOf(attach) < 0,
    digest: readDigestSettings(get),
  };
}

export interface DigestSettings {
  enabled: boolean;
  /** Local hour (0–23) from which the hourly trigger sends the day's digests. */
  hour: number;
  /** A deal this many days in one stage is listed as stuck (0: off). */
  stuckDays: number;
}


export function readDigestSettings(get: (key: string) => string | undefined): DigestSettings {
  const enabled = (get('digest_enabled') ?? 'TRUE').toLowerCase();
  const hour = Number(get('digest_hour') ?? '8');
  const stuck = Number(get('stuck_days') ?? '14');
  return {
    enabled: ['false', 'no', '0', 'off'].indexOf(enabled) < 0,
    hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 8,
    stuckDays: isFinite(stuck) && stuck >= 0 ? Math.floor(stuck) : 14,
  };
}
