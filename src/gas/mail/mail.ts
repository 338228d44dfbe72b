// MailApp behind the MailPort. The "sending" mark is flushed to the sheet before each send,
// so that a run stopped during a send leaves a trace instead of a silent duplicate next time.
import { MailPort } from '../../ports/mail';
import { headerSafe } from '../../domain/mail/notifications';

function pdfOf(docId: string, name: string): GoogleAppsScript.Base.Blob {
  // Drive's documented REST export (the same call the documents feature makes; drive.file scope).
  const response = UrlFetchApp.fetch(`https://www.googleapis.com/drive/v3/files/${encodeURIComponent(docId)}/export?mimeType=application/pdf`, {
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    muteHttpExceptions: true,
  });
  if (response.getResponseCode() !== 200) throw new Error(`Drive could not export "${name}" as PDF (${response.getResponseCode()}).`);
  return response.getBlob().setName(name);
}

export function gasMail(): MailPort {
  return {
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
    send(message) {
      const attachments = message.attachPdfOf.map((a) => pdfOf(a.docId, a.name));
      SpreadsheetApp.flush();
      // Header values on one line, whatever a person's name, a company name or a subject holds:
      // the last place before MailApp, so no caller can forget it (no header injection).
      const options: GoogleAppsScript.Mail.MailAdvancedParameters = { htmlBody: message.htmlBody, name: headerSafe(message.name) };
      if (message.replyTo) options.replyTo = headerSafe(message.replyTo);
      if (attachments.length) options.attachments = attachments;
      MailApp.sendEmail(headerSafe(message.to), headerSafe(message.subject), message.body, options);
    },
  };
}

/** Links that open the workbook at a row (the digest's items). Handles only, no data calls. */
export function gasSheetLinks(): import('../../app/mail/digest').SheetLinks {
  const book = SpreadsheetApp.getActive();
  const base = book.getUrl();
  const ids: Record<string, number | null> = {};
  return {
    rowUrl(tab, row) {
      if (!(tab in ids)) {
        const sheet = book.getSheetByName(tab);
        ids[tab] = sheet ? sheet.getSheetId() : null;
      }
      const id = ids[tab];
      return id === null ? base : `${base}#gid=${id}&range=A${row}`;
    },
  };
}
