// The playground's stand-in for docs.google.com and drive.google.com: the emulated Drive's
// links (ws.drive.linkBase = the playground's origin) open here. A Doc renders as a page
// straight from the model on every request, so a refresh after a regenerate shows the change;
// PDFs and XLSX files download. Read-only: documents change only through the add-on.
import type * as http from 'http';
import type { Workspace } from '../emulator/index';

const DOC = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';

export interface DriveReply {
  status: number;
  type: string;
  body: string | Buffer;
  /** Set for downloads: the file name the browser saves. */
  download?: string;
  /** Inline files (PDF in the browser's viewer) still get their name. */
  inline?: string;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] as string));
}

function notFound(what: string): DriveReply {
  return {
    status: 404, type: 'text/html; charset=utf-8',
    body: `<!doctype html><meta charset="utf-8"><title>Not found</title><p style="font:14px Arial,sans-serif;margin:48px;color:#5f6368">${esc(what)} is not in this playground's Drive (deleted, or made in another session).</p>`,
  };
}

function sharingOf(ws: Workspace, id: string): string {
  const perms = ws.drive.file(id)?.permissions ?? [];
  if (perms.some((p) => p.type === 'anyone')) return 'Anyone with the link can view';
  const people = perms.filter((p) => p.type === 'user' && p.role !== 'owner').map((p) => p.emailAddress);
  return people.length ? `Shared with ${people.join(', ')}` : 'Private to the owner';
}

/** The Doc as a page, with a slim bar like the Docs viewer's: title, sharing, PDF download. */
function documentPage(ws: Workspace, id: string, base: string): DriveReply {
  const rec = ws.drive.file(id);
  if (!rec || rec.mimeType !== DOC || rec.trashed) return notFound('This document');
  const html = ws.drive.renderDocumentHtml(id);
  const bar = `<div style="position:sticky;top:0;z-index:2;display:flex;gap:16px;align-items:center;padding:10px 24px;background:#fff;border-bottom:1px solid #dadce0;font:13px Arial,sans-serif;color:#3c4043">`
    + `<strong style="font-size:15px;color:#202124">${esc(rec.name)}</strong>`
    + `<span>${esc(sharingOf(ws, id))}</span>`
    + `<span style="color:#5f6368">revision ${rec.revisions} · ${esc(rec.modifiedTime.replace('T', ' ').slice(0, 16))} UTC</span>`
    + `<a style="margin-left:auto;color:#1a73e8" href="${esc(base)}/document/d/${esc(id)}/export?format=pdf">Download PDF</a></div>`;
  return { status: 200, type: 'text/html; charset=utf-8', body: html.replace(/<body>/, `<body>${bar}`) };
}

function fileReply(ws: Workspace, id: string, download: boolean): DriveReply {
  const rec = ws.drive.file(id);
  if (!rec || rec.trashed || rec.mimeType === FOLDER) return notFound('This file');
  if (rec.mimeType === DOC) {
    const pdf = ws.drive.renderPdf(id);
    return { status: 200, type: 'application/pdf', body: pdf, download: `${rec.name}.pdf` };
  }
  const body = Buffer.from(rec.content ?? new Uint8Array(0));
  // PDFs open in the browser's viewer from a view link; everything else downloads.
  if (!download && rec.mimeType === 'application/pdf') return { status: 200, type: rec.mimeType, body, inline: rec.name };
  return { status: 200, type: rec.mimeType, body, download: rec.name };
}

function folderPage(ws: Workspace, id: string, base: string): DriveReply {
  const rec = ws.drive.file(id);
  if (!rec || rec.mimeType !== FOLDER) return notFound('This folder');
  const children = ws.drive.listFiles().filter((f) => f.parents.includes(id) && !f.trashed)
    .sort((a, b) => Number(b.mimeType === FOLDER) - Number(a.mimeType === FOLDER) || a.name.localeCompare(b.name));
  const link = (f: { id: string; mimeType: string }) => f.mimeType === FOLDER ? `${base}/drive/folders/${f.id}`
    : f.mimeType === DOC ? `${base}/document/d/${f.id}/edit` : `${base}/file/d/${f.id}/view`;
  const items = children.map((f) => `<li><a href="${esc(link(f))}">${esc(f.name)}</a> <span style="color:#5f6368">${f.mimeType === FOLDER ? 'folder' : esc(f.mimeType.replace('application/vnd.google-apps.', 'Google '))}</span></li>`);
  return {
    status: 200, type: 'text/html; charset=utf-8',
    body: `<!doctype html><meta charset="utf-8"><title>${esc(rec.name)}</title><body style="font:14px Arial,sans-serif;margin:32px 48px;color:#202124"><h1 style="font-size:20px">${esc(rec.name)}</h1><ul style="line-height:1.8">${items.join('') || '<li>empty</li>'}</ul></body>`,
  };
}

/** Answers GET requests for Drive and Docs links; null when the route is not one of them. */
export function driveRoute(ws: Workspace, url: URL, base: string): DriveReply | null {
  const route = url.pathname;
  let m: RegExpExecArray | null;
  if ((m = /^\/document\/d\/([\w-]+)\/export$/.exec(route))) {
    if ((url.searchParams.get('format') ?? 'pdf') !== 'pdf') return notFound('That export format');
    return fileReply(ws, m[1], true);
  }
  if ((m = /^\/document\/d\/([\w-]+)(?:\/(?:edit|view|preview))?$/.exec(route))) return documentPage(ws, m[1], base);
  if (route === '/open' && url.searchParams.get('id')) {
    const id = url.searchParams.get('id') as string;
    return ws.drive.file(id)?.mimeType === DOC ? documentPage(ws, id, base) : fileReply(ws, id, false);
  }
  if ((m = /^\/file\/d\/([\w-]+)(?:\/(?:view|preview))?$/.exec(route))) return fileReply(ws, m[1], false);
  if (route === '/uc' && url.searchParams.get('id')) return fileReply(ws, url.searchParams.get('id') as string, true);
  if ((m = /^\/drive\/folders\/([\w-]+)$/.exec(route))) return folderPage(ws, m[1], base);
  return null;
}

export function sendDrive(res: http.ServerResponse, reply: DriveReply): void {
  const headers: Record<string, string> = { 'Content-Type': reply.type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  const name = reply.download ?? reply.inline;
  if (name) {
    const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    headers['Content-Disposition'] = `${reply.download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  }
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}
