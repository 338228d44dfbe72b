// HtmlService, HtmlOutput, HtmlTemplate.
import { newBlobObject } from './utilities';
import { isImplemented } from '../notImplemented';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { counted } from '../context';
import type { ServiceState } from './state';
import { enumOf, gasError } from './util';

type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');

const OUTPUT = Symbol('emulator.htmlOutput');

type HtmlOutputMethods =
  | 'addMetaTag' | 'append' | 'appendUntrusted' | 'clear' | 'getContent' | 'getFaviconUrl' | 'getHeight' | 'getTitle'
  | 'getWidth' | 'setContent' | 'setFaviconUrl' | 'setHeight' | 'setSandboxMode' | 'setTitle' | 'setWidth'
  | 'setXFrameOptionsMode';

export class EmuHtmlOutput implements Pick<GHtmlOutput, HtmlOutputMethods> {
  readonly [OUTPUT] = this;
  content: string;
  title = '';
  width: number | null = null;
  height: number | null = null;
  faviconUrl = '';
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  metaTags: { name: string; content: string }[] = [];
  private self!: GHtmlOutput;

  constructor(content: string) {
    this.content = content;
  }
  bind(self: GHtmlOutput): GHtmlOutput { this.self = self; return self; }

  addMetaTag(name: string, content: string): GHtmlOutput { this.metaTags.push({ name, content }); return this.self; }
  /** "Gets an array of objects that represent meta tags added to the page." (HtmlOutputMetaTag: getName, getContent) */
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content, toString: () => 'HtmlOutputMetaTag' }) as unknown as GoogleAppsScript.HTML.HtmlOutputMetaTag);
  }
  append(added: string): GHtmlOutput { this.content += String(added); return this.self; }
  appendUntrusted(added: string): GHtmlOutput { this.content += escapeHtml(String(added)); return this.self; }
  clear(): GHtmlOutput { this.content = ''; return this.self; }
  getContent(): string { return this.content; }
  getFaviconUrl(): string { return this.faviconUrl; }
  getHeight(): number { return this.height as number; }
  getTitle(): string { return this.title; }
  getWidth(): number { return this.width as number; }
  setContent(content: string): GHtmlOutput { this.content = String(content); return this.self; }
  setFaviconUrl(url: string): GHtmlOutput { this.faviconUrl = String(url); return this.self; }
  setHeight(h: number): GHtmlOutput { this.height = checkSize(h, 'setHeight'); return this.self; }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GHtmlOutput { this.sandboxMode = String(mode); return this.self; }
  setTitle(title: string): GHtmlOutput { this.title = String(title); return this.self; }
  setWidth(w: number): GHtmlOutput { this.width = checkSize(w, 'setWidth'); return this.self; }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GHtmlOutput { this.xFrameOptionsMode = String(mode); return this.self; }
}

function checkSize(v: unknown, method: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw gasError(`Invalid argument: ${method}`);
  return Math.round(n);
}

/** The emulator's view of an HtmlOutput handed to Ui (title, size, content). */
export function htmlOutputOf(v: unknown): EmuHtmlOutput {
  const o = v ? (v as { [OUTPUT]?: EmuHtmlOutput })[OUTPUT] : undefined;
  if (!o) throw gasError('Invalid argument: userInterface');
  return o;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function newHtmlOutput(state: ServiceState, content: string): GHtmlOutput {
  const out = new EmuHtmlOutput(content);
  // getBlob/getAs: "Return the data inside this object as a blob" — text/html named after the title.
  const blob = () => newBlobObject(state, new Uint8Array(Buffer.from(out.content, 'utf8')), 'text/html', out.title ? `${out.title}.html` : null);
  Object.defineProperty(out, 'getBlob', { value: () => blob(), configurable: true });
  Object.defineProperty(out, 'getAs', {
    value: (contentType: string) => {
      // "Return the data inside this object as a blob converted to the specified content type":
      // text/html stays itself; text/plain is the same characters (the emulator converts to nothing else).
      if (String(contentType) === 'text/plain') {
        return newBlobObject(state, new Uint8Array(Buffer.from(out.content, 'utf8')), 'text/plain', out.title ? `${out.title}.txt` : null);
      }
      if (String(contentType) !== 'text/html') throw gasError(`Converting from text/html to ${String(contentType)} is not supported.`);
      return blob();
    },
    configurable: true,
  });
  // asTemplate: "Creates and returns a new HtmlTemplate from this HtmlOutput."
  Object.defineProperty(out, 'asTemplate', { value: () => newHtmlTemplate(state, out.content), configurable: true });
  return out.bind(counted(state.ctx.calls, 'HtmlOutput', out) as unknown as GHtmlOutput);
}

/** Compiles scriptlets <? code ?>, <?= escaped ?>, <?!= raw ?> into a function of (vars, scope). */
function compileTemplate(source: string): (vars: object, scope: object) => string {
  let code = 'var __out = "";\nwith (__scope) { with (__vars) {\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    code += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__out += __esc(${m[2]});\n`;
    else if (m[1] === '!=') code += `__out += __raw(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  code += `__out += ${JSON.stringify(source.slice(last))};\n} }\nreturn __out;`;
  // eslint-disable-next-line no-new-func
  const fn = new Function('__vars', '__scope', '__esc', '__raw', code) as (v: object, s: object, e: (x: unknown) => string, r: (x: unknown) => string) => string;
  const raw = (x: unknown) => (x === undefined || x === null ? '' : String(x));
  return (vars, scope) => fn(vars, scope, (x) => escapeHtml(raw(x)), raw);
}

/**
 * The JavaScript a template compiles to, in Apps Script's shape: an output object fed text
 * (`output._ = '…'`), escaped values (`output._$ = expr`), raw values (`output._ = expr`) and code.
 */
function templateCode(source: string, comments: boolean): string {
  const lines: string[] = ["(function() { var output = HtmlService.initTemplate(''); with(this) {"];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const text = (t: string) => { if (t) lines.push(`output._ = ${JSON.stringify(t)};${comments ? ` // ${JSON.stringify(t)}` : ''}`); };
  while ((m = re.exec(source))) {
    text(source.slice(last, m.index));
    const note = comments ? ` // ${m[0].replace(/\n/g, ' ')}` : '';
    if (m[1] === '=') lines.push(`output._$ = ${m[2].trim()};${note}`);
    else if (m[1] === '!=') lines.push(`output._ = ${m[2].trim()};${note}`);
    else lines.push(`${m[2].trim()}${note}`);
    last = re.lastIndex;
  }
  text(source.slice(last));
  lines.push('} return output; })();');
  return lines.join('\n');
}

function newHtmlTemplate(state: ServiceState, source: string): GHtmlTemplate {
  return counted(state.ctx.calls, 'HtmlTemplate', new EmuHtmlTemplate(state, source)) as unknown as GHtmlTemplate;
}

const RESERVED_TEMPLATE_KEYS = new Set(['evaluate', 'getCode', 'getCodeWithComments', 'getRawContent']);

export class EmuHtmlTemplate implements Pick<GHtmlTemplate, 'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent'> {
  [propName: string]: unknown;
  constructor(private readonly __state: ServiceState, private readonly __source: string) {}
  evaluate(): GHtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('__') && !RESERVED_TEMPLATE_KEYS.has(k)) vars[k] = this[k];
    const scope = this.__state.scriptScope?.() ?? {};
    const content = compileTemplate(this.__source)(vars, scope);
    return newHtmlOutput(this.__state, content);
  }
  /** "Generates a string of JavaScript code, based on the template file, that can be evaluated." */
  getCode(): string { return templateCode(this.__source, false); }
  /** "…with each line of the code containing the original line from the template as a comment." */
  getCodeWithComments(): string { return templateCode(this.__source, true); }
  getRawContent(): string { return this.__source; }
}

type HtmlServiceMethods = 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile' | 'getUserAgent';

export class EmuHtmlService implements Pick<GoogleAppsScript.HTML.HtmlService, HtmlServiceMethods> {
  readonly SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  constructor(private state: ServiceState) {}

  private readFile(name: string): string {
    const file = String(name).replace(/\.html$/, '');
    const dir = this.state.bundleDir();
    const path = dir ? join(dir, `${file}.html`) : null;
    if (!path || !existsSync(path)) throw gasError(`No HTML file named ${name} was found.`);
    return readFileSync(path, 'utf8');
  }

  createHtmlOutput(html?: unknown): GHtmlOutput {
    let content = '';
    if (html !== undefined && html !== null) {
      const blob = html as { getDataAsString?: () => string };
      content = isImplemented(blob, 'getDataAsString') ? blob.getDataAsString!() : String(html);
    }
    return newHtmlOutput(this.state, content);
  }
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    return newHtmlOutput(this.state, this.readFile(filename));
  }
  createTemplate(html: unknown): GHtmlTemplate {
    const blob = html as { getDataAsString?: () => string };
    const source = blob && isImplemented(blob, 'getDataAsString') ? blob.getDataAsString!() : String(html);
    return newHtmlTemplate(this.state, source);
  }
  createTemplateFromFile(filename: string): GHtmlTemplate {
    return counted(this.state.ctx.calls, 'HtmlTemplate', new EmuHtmlTemplate(this.state, this.readFile(filename))) as unknown as GHtmlTemplate;
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 (Dealboard emulator)';
  }
}

export function createHtmlService(state: ServiceState): GoogleAppsScript.HTML.HtmlService {
  return counted(state.ctx.calls, 'HtmlService', new EmuHtmlService(state)) as unknown as GoogleAppsScript.HTML.HtmlService;
}
