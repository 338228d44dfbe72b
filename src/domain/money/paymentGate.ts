// What a payment that opened a payment gate says (issue 22): one sentence, kept in the Activities
// log by the payment path and read back by the morning digest for the deal's manager.

/**
 * "Payment for INV-2026-0001 received: Website relaunch may now move to Completed." — or, when
 * other checkpoints still guard that stage, "… may move to Completed once Works completed is done."
 * No gated stage: "… is paid in full."
 */
export function paymentGateSentence(invoiceNumbers: readonly string[], dealTitle: string, stageName: string, stillOpen: readonly string[]): string {
  const invoices = invoiceNumbers.filter(Boolean);
  const head = `Payment for ${invoices.length ? invoices.join(', ') : 'the deal'} received: ${dealTitle}`;
  if (!stageName) return `${head} is paid in full.`;
  if (stillOpen.length === 0) return `${head} may now move to ${stageName}.`;
  return `${head} may move to ${stageName} once ${stillOpen.join(', ')} ${stillOpen.length === 1 ? 'is' : 'are'} done.`;
}

// [^] rather than '.': a deal title typed with a line break is still one sentence.
const SENTENCE = /^Payment for [^]+ received: [^]+ (may now move to [^]+|may move to [^]+ once [^]+ done|is paid in full)\.$/;

/** Whether an Activities summary is such a sentence (the digest picks these from the log). */
export function isPaymentGateSentence(summary: string): boolean {
  return SENTENCE.test(summary);
}
