// What the spreadsheet's satellite modules (builders, colours, rich text, charts, the extras)
// need of a Session: an interface, so that they depend on this leaf and objects.ts (which
// implements it and installs them) depends on them — imports point one way, no circle
// (issue 28). Only types: nothing here runs.

import type { EmulatorContext } from '../context';
import type { CFRuleData, ProtectionData, RangeRefData, SheetData, SpreadsheetModel, ValidationData } from './model';
import type { SearchArea } from './textFinder';

type GRange = GoogleAppsScript.Spreadsheet.Range;

export interface SpreadsheetHooks {
  getUi(): object;
  toast(message: string, title: string, timeoutSeconds: number): void;
  /** A spreadsheet made with SpreadsheetApp.create (the workspace files it in Drive). */
  created?(model: SpreadsheetModel): void;
  /** Another spreadsheet of the same Drive by id (one the Sheets REST API made), or null. */
  lookup?(id: string): SpreadsheetModel | null;
  /** Sharing of a spreadsheet's Drive file (Spreadsheet.addEditor, getEditors). */
  sharing?: { add(id: string, email: string, role: 'writer' | 'reader'): void; users(id: string, roles: string[]): string[] };
}

/** Ties model, context and hooks together and hands out wrapped (counted, guarded) objects. */
export interface Session {
  readonly ctx: EmulatorContext;
  readonly model: SpreadsheetModel;
  readonly hooks: SpreadsheetHooks;
  /** counted() around an authorization guard, enum conversion and the write gate. */
  wrap<T extends object>(className: string, obj: T, guard: boolean, exempt?: Set<string>): T;
  checkAlive(sheet: SheetData): void;
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet(sheet: SheetData): GoogleAppsScript.Spreadsheet.Sheet;
  range(sheet: SheetData, row: number, col: number, numRows: number, numCols: number, openRows?: boolean, wholeRows?: boolean): GRange;
  rangeFromRef(ref: RangeRefData): GRange;
  user(email: string): GoogleAppsScript.Base.User;
  protection(sheet: SheetData, data: ProtectionData): GoogleAppsScript.Spreadsheet.Protection;
  dataValidationBuilder(data?: ValidationData): GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  dataValidation(data: ValidationData): GoogleAppsScript.Spreadsheet.DataValidation;
  cfRuleBuilder(data?: CFRuleData): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  cfRule(data: CFRuleData): GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  booleanCondition(data: CFRuleData): GoogleAppsScript.Spreadsheet.BooleanCondition;
  textFinder(areas: SearchArea[], findText: unknown): GoogleAppsScript.Spreadsheet.TextFinder;
  rangeList(ranges: GRange[]): GoogleAppsScript.Spreadsheet.RangeList;
  sheetOf(obj: unknown): SheetData;
}

/** The fields of an emulator Range the extras read (objects.ts' EmuRange has them). */
export interface RangeInternals {
  s: Session;
  sheet: SheetData;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  openRows: boolean;
  wholeRows: boolean;
  ref(): RangeRefData;
}

/** A class whose prototype the extras add members to. */
export interface Installable { prototype: object }
