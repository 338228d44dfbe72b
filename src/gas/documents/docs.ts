// Drive (v3) and Docs advanced services under the drive.file scope: the add-on touches only
// files it created (templates, copies, exports).
import { DocsPort, StoredFile } from '../../ports';
import { DocJson } from '../../domain/documents/docPlan';
import { DocumentCounter } from '../../app/documents/documents';

const FOLDER = 'application/vnd.google-apps.folder';
const DOC = 'application/vnd.google-apps.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) throw new Error('The Drive advanced service is not enabled for this script.');
  return Drive;
}

function docsService(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs) throw new Error('The Docs advanced service is not enabled for this script.');
  return Docs;
}

function stored(file: { id?: string; webViewLink?: string; mimeType?: string }): StoredFile {
  const id = String(file.id);
  const url = file.webViewLink || (file.mimeType === DOC ? `https://docs.google.com/document/d/${id}/edit` : `https://drive.google.com/file/d/${id}/view`);
  return { id, url };
}

const FIELDS = { fields: 'id,webViewLink,mimeType' };

/** A generated id given to create or copy ("IDs which can be provided in create or copy requests"). */
function withId(fileId: string | undefined): { id?: string } {
  return fileId ? { id: fileId } : {};
}

function exportAs(docId: string, mimeType: string, what: string): GoogleAppsScript.Base.Blob {
  const response = UrlFetchApp.fetch(`https://www.googleapis.com/drive/v3/files/${encodeURIComponent(docId)}/export?mimeType=${encodeURIComponent(mimeType)}`, {
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    muteHttpExceptions: true,
  });
  if (response.getResponseCode() !== 200) throw new Error(`Drive could not export the document as ${what} (${response.getResponseCode()}).`);
  return response.getBlob();
}

function exportPdf(docId: string): GoogleAppsScript.Base.Blob {
  return exportAs(docId, 'application/pdf', 'PDF');
}

export function gasDocs(): DocsPort {
  return {
    createFolder(name, parentId, fileId) {
      return stored(drive().Files!.create({ ...withId(fileId), name, mimeType: FOLDER, parents: parentId ? [parentId] : undefined }, undefined as never, FIELDS));
    },
    createDocFromHtml(name, html, parentId) {
      const blob = Utilities.newBlob(html, 'text/html', `${name}.html`);
      return stored(drive().Files!.create({ name, mimeType: DOC, parents: [parentId] }, blob, FIELDS));
    },
    copyDoc(templateId, name, parentId, fileId) {
      try {
        return stored(drive().Files!.copy({ ...withId(fileId), name, parents: [parentId] }, templateId, FIELDS));
      } catch (error) {
        throw new Error(`The template could not be copied (${error instanceof Error ? error.message : String(error)}). ` +
          'If it was deleted from Drive, run Dealboard → Install document templates to recreate it.');
      }
    },
    newFileIds(count) {
      return (drive().Files!.generateIds({ count, space: 'drive' }).ids || []).map(String);
    },
    fileExists(fileId) {
      try {
        return drive().Files!.get(fileId, { fields: 'id,trashed' }).trashed !== true;
      } catch (_gone) {
        return false;
      }
    },
    getDocument(docId) {
      try {
        return docsService().Documents!.get(docId) as unknown as DocJson;
      } catch (_gone) {
        return null;
      }
    },
    batchUpdate(docId, requests) {
      docsService().Documents!.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, docId);
    },
    replaceContent(docId, sourceId) {
      // Drive v3 files.update with media converts an importable upload (text/html) into the
      // existing Google Doc: same id, link, parents and permissions. Both files were made by the
      // add-on, so drive.file covers the export and the update (no documents scope is needed).
      const html = exportAs(sourceId, 'text/html', 'HTML').setContentType('text/html');
      drive().Files!.update({}, docId, html, FIELDS);
    },
    trashFile(fileId) {
      drive().Files!.update({ trashed: true }, fileId);
    },
    shareWithAnyone(fileId) {
      drive().Permissions!.create({ role: 'reader', type: 'anyone' }, fileId);
    },
    shareWithUser(fileId, email) {
      drive().Permissions!.create({ role: 'reader', type: 'user', emailAddress: email }, fileId, { sendNotificationEmail: false });
    },
    savePdf(docId, name, parentId, existingId, newId) {
      const blob = exportPdf(docId).setName(name);
      if (existingId) return stored(drive().Files!.update({ name }, existingId, blob, FIELDS));
      return stored(drive().Files!.create({ ...withId(newId), name, mimeType: 'application/pdf', parents: [parentId] }, blob, FIELDS));
    },
    saveXlsx(parts, name, parentId, existingId, newId) {
      const blobs = parts.map((part) => Utilities.newBlob(part.content, 'application/xml', part.path));
      const blob = Utilities.zip(blobs, name).setContentType(XLSX);
      if (existingId) return stored(drive().Files!.update({ name }, existingId, blob, FIELDS));
      return stored(drive().Files!.create({ ...withId(newId), name, mimeType: XLSX, parents: [parentId] }, blob, FIELDS));
    },
  };
}

export function gasDocumentCounter(): DocumentCounter {
  const properties = PropertiesService.getDocumentProperties();
  // Invoices keep the key they always had, so a year's invoice numbers continue after an update.
  const key = (kind: string, year: string) => `dealboard:${kind}-seq:${year}`;
  return {
    get: (kind, year) => Number(properties.getProperty(key(kind, year)) || 0) || 0,
    put: (kind, year, value) => properties.setProperty(key(kind, year), String(value)),
  };
}
