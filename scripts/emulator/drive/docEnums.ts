// DocumentApp enums the emulator's Docs members do not use yet, with the values of
// @types/google-apps-script (as the emulator's other DocumentApp enums, name strings): present so a
// script reaches the member it calls and gets the clear "Not implemented" error, not a TypeError.
const names = (...list: string[]) => Object.freeze(Object.fromEntries(list.map((n) => [n, n])));

export const MORE_DOCUMENT_ENUMS: Record<string, object> = {
  FontFamily: names('AMARANTH', 'ARIAL', 'ARIAL_BLACK', 'ARIAL_NARROW', 'ARVO', 'CALIBRI', 'CAMBRIA', 'COMIC_SANS_MS', 'CONSOLAS', 'CORSIVA',
    'COURIER_NEW', 'DANCING_SCRIPT', 'DROID_SANS', 'DROID_SERIF', 'GARAMOND', 'GEORGIA', 'GLORIA_HALLELUJAH', 'GREAT_VIBES', 'LOBSTER',
    'MERRIWEATHER', 'PACIFICO', 'PHILOSOPHER', 'POIRET_ONE', 'QUATTROCENTO', 'ROBOTO', 'SHADOWS_INTO_LIGHT', 'SYNCOPATE', 'TAHOMA',
    'TIMES_NEW_ROMAN', 'TREBUCHET_MS', 'UBUNTU', 'VERDANA'),
  PositionedLayout: names('ABOVE_TEXT', 'BREAK_BOTH', 'BREAK_LEFT', 'BREAK_RIGHT', 'WRAP_TEXT'),
  TabType: names('DOCUMENT_TAB'),
  TextAlignment: names('NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT'),
  VerticalAlignment: names('BOTTOM', 'CENTER', 'TOP'),
};

export function installMoreDocumentEnums(DocumentApp: { prototype: object }): void {
  for (const [name, value] of Object.entries(MORE_DOCUMENT_ENUMS)) {
    if (!(name in DocumentApp.prototype)) Object.defineProperty(DocumentApp.prototype, name, { value, enumerable: true });
  }
}
