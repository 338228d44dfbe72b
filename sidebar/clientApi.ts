// The client base's server calls, added to the sidebar's typed Api (module augmentation, so
// rpc.ts itself is untouched).
import type {
  ArchivedOrders, ClientCard, ClientPatch, DuplicateGroup, ClientSearchResult, DryRunResult, ExportFile, ExportRequest, ImportPrepared, ImportProgress,
  ImportSummary, ImportUndoResult, ImportUpload,
} from '../src/app/contracts/clients';
import type { ColumnMapping } from '../src/app/contracts/shared';

declare module './rpc' {
  interface Api {
    api_findClients(query: string): ClientSearchResult;
    api_getClient(clientId: string): ClientCard;
    api_getArchivedOrders(clientId: string): ArchivedOrders;
    api_updateClient(clientId: string, patch: ClientPatch, version: number, base?: Record<string, unknown>): ClientCard;
    api_prepareImport(upload: ImportUpload): ImportPrepared;
    api_dryRunImport(importId: string, mapping: ColumnMapping): DryRunResult;
    api_runImport(importId: string, mapping: ColumnMapping): ImportProgress;
    api_importProgress(importId: string): ImportProgress | null;
    api_undoImport(importId: string): ImportUndoResult;
    api_listImports(): ImportSummary[];
    api_exportClients(request: ExportRequest): ExportFile;
    api_listDuplicates(): { groups: DuplicateGroup[]; total: number };
    api_clientGroups(): string[];
    api_newDealForClient(clientId: string, input: { title?: string }): { dealId: string; clientId: string };
    api_mergeClients(keepId: string, mergeIds: string[]): { keptId: string; merged: number; deals: number; activities: number };
    api_dismissDuplicates(ids: string[]): { dismissed: number };
  }
}

export {};
