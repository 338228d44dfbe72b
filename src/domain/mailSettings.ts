// Settings of the e-mail notifications (rows of the Settings tab, read with the others).
export interface MailSettings {
  /** Events that queue a client e-mail: `stage.<stage key>` and `checkpoint.done`. */
  clientEvents: string[];
  /** Attach the PDF when sending a proposal or an invoice. */
  attachPdf: boolean;
}

export const DEFAULT_MAIL_SETTINGS = [
  {
    key: 'mail_client_events',
    value: 'stage.in_work, stage.completed',
    description: 'Events that queue an e-mail to the client (stage.<stage>, checkpoint.done); the texts are on the Notifications tab, where each can be switched off.',
  },
  { key: 'mail_attach_pdf', value: 'TRUE', description: 'Attach the PDF when a proposal or an invoice is sent by e-mail.' },
];

export function readMailSettings(get: (key: string) => string | undefined): MailSettings {
  const events = get('mail_client_events');
  const attach = (get('mail_attach_pdf') ?? 'TRUE').toLowerCase();
  return {
    clientEvents: (events === undefined ? DEFAULT_MAIL_SETTINGS[0].value : events).split(/[,\s]+/).map((s) => s.trim()).filter((s) => s !== ''),
    attachPdf: ['false', 'no', '0', 'off'].indexOf(attach) < 0,
  };
}
