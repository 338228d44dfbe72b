// Public surface of the Workspace emulator (bundled to build/emulator.cjs).
export { createWorkspace, virtualDate, RUN, DEFAULT_NOW, DEFAULT_USER, DEFAULT_TIME_ZONE, ADDON_NAME } from './workspace';
export type { Workspace, WorkspaceOptions, WorkspaceJSON, ExecuteOptions, Addon, TriggerRun } from './workspace';
export { loadAddon, runFromClient, findIllegalValue } from './addon';
export type { ClientResult } from './addon';
export { VirtualClock, CallCounter, counted, categoryOf, DATA_CALLS } from './context';
export type { EmulatorContext, Execution, AuthModeName, CallCategory, CallSummary } from './context';
export type { TriggerRecord, MenuRecord, UiRecorder, LogEntry } from './services/state';
export { blobOf, newBlobObject, EmuBlob } from './services/utilities';
export { formatJavaDate, parseJavaDate } from './services/dates';
export { gasError } from './services/util';
export { SpreadsheetModel, snapshotSheet } from './spreadsheet/index';
export type { SheetSnapshot } from './spreadsheet/index';
export { MailModel, MAIL_LIMITS, pacificDay } from './services/mail';
export type { MailMessage, MailAttachment } from './services/mail';
export { runInterleaved, closeInterleaving } from './interleave/scheduler';
export type { InterleavedRun, InterleaveOptions, ReadyRun, RunOutcome } from './interleave/scheduler';
// For tools that hand the globals to code other than a bundle (the gas-fakes conformance harness).
export { applyManifest, inferScopes } from './manifest';
export type { Manifest } from './manifest';
