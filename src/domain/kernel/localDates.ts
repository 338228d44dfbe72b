// The port for time-zone aware day conversions. It lives in the domain because pure rules
// (timezone.ts) build it and the workbook codec consumes it: the domain must not import upward.

/** Time-zone aware conversions, provided by the adapter (Utilities.formatDate on Apps Script). */
export interface LocalDates {
  /** 'yyyy-MM-dd' of an instant in the spreadsheet's time zone. */
  toLocalDate(instant: Date): string;
  /** The instant of local midnight of 'yyyy-MM-dd' in the spreadsheet's time zone. */
  fromLocalDate(day: string): Date;
  /**
   * The decimal mark of the spreadsheet's locale, for number text typed into cells ("1.500" is
   * 1500 in de_DE). Asked only when a number column holds text; absent: '.' (en_US).
   */
  decimalSeparator?(): '.' | ',';
}
