// RangeList (Sheet.getRangeList): "A collection of one or more Range instances in the same sheet.
// You can use this class to apply operations on collections of non-adjacent ranges or cells."
// The list applies each operation to every Range in turn, so the calls a RangeList method makes
// are those of its ranges (not counted again: the emulator does not count its own calls).
import { isImplemented, notImplementedError } from '../notImplemented';
import { SELF } from './self';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GRangeList = GoogleAppsScript.Spreadsheet.RangeList;

/** Members of RangeList the emulator applies range by range. */
const EACH = [
  'activate', 'breakApart', 'check', 'clear', 'clearContent', 'clearDataValidations', 'clearFormat', 'clearNote',
  'insertCheckboxes', 'removeCheckboxes', 'setBackground', 'setFontColor', 'setFontFamily', 'setFontLine',
  'setFontSize', 'setFontStyle', 'setFontWeight', 'setFormula', 'setHorizontalAlignment', 'setNote',
  'setNumberFormat', 'setValue', 'setVerticalAlignment', 'setWrap', 'setWrapStrategy', 'trimWhitespace', 'uncheck',
] as const;

/** Documented members the emulator does not implement: calling one says so. */
const NOT_EMULATED = ['setBorder', 'setFontColorObject', 'setShowHyperlink', 'setTextDirection', 'setTextRotation', 'setVerticalText', 'setBackgroundRGB'];

export class EmuRangeList {
  readonly [SELF] = this;
  /** The list as handed out (counted proxy), returned by the operations. */
  wrapped: GRangeList | null = null;

  constructor(private ranges: GRange[]) {
    for (const name of EACH) {
      (this as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        for (const range of this.ranges) {
          const fn = (range as unknown as Record<string, unknown>)[name];
          if (typeof fn !== 'function') throw notImplementedError('RangeList', name);
          (fn as (...a: unknown[]) => unknown).apply(range, args);
        }
        return this.wrapped ?? this;
      };
    }
    // Applied range by range where Range has the member, else the emulator's clear "Not implemented".
    for (const name of NOT_EMULATED) {
      (this as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        if (!this.ranges.every((range) => isImplemented(range, name))) throw notImplementedError('RangeList', name);
        for (const range of this.ranges) ((range as unknown as Record<string, unknown>)[name] as (...a: unknown[]) => unknown).apply(range, args);
        return this.wrapped ?? this;
      };
    }
  }

  getRanges(): GRange[] {
    return this.ranges.slice();
  }
}
