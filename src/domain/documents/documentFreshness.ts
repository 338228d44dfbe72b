// A document made from an older quote revision than the deal's current one is out of date:
// the client would receive numbers that are no longer the offer.
export function isOutOfDate(documentQuoteVersion: number, currentQuoteVersion: number): boolean {
  return currentQuoteVersion > 0 && documentQuoteVersion > 0 && documentQuoteVersion < currentQuoteVersion;
}
