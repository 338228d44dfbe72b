// Which column of an uploaded file goes into which field of a client: a guess from the
// header text in English and the languages our customers' old bases are kept in (German,
// Russian, Ukrainian, French, Spanish, Italian, Polish), which the user then confirms.

export const IMPORT_FIELDS = [
  'name', 'company', 'contact', 'phone', 'email', 'group', 'address', 'city', 'manager', 'preferences', 'notes', 'callBack',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: 'Name', company: 'Company', contact: 'Contact person', phone: 'Phone', email: 'E-mail', group: 'Group',
  address: 'Address', city: 'City', manager: 'Manager', preferences: 'Preferences', notes: 'Notes', callBack: 'Call back',
};

/** For each column of the file (by index): the field it fills, or '' to leave it out. */
export type ColumnMapping = (ImportField | '')[];

/** Header words, normalised (lower case, letters and digits only). */
const SYNONYMS: Record<ImportField, string[]> = {
  name: ['name', 'fullname', 'client', 'clientname', 'customer', 'customername', 'kunde', 'kundenname', 'vollername',
    'имя', 'фио', 'клиент', 'заказчик', 'названиеклиента', 'імя', 'піб', 'nom', 'nomcomplet', 'nombre', 'cliente', 'nome',
    'nazwa', 'imięinazwisko', 'klient'],
  company: ['company', 'organisation', 'organization', 'firm', 'firma', 'unternehmen', 'firmenname', 'компания',
    'организация', 'фирма', 'компанія', 'société', 'societe', 'entreprise', 'empresa', 'azienda', 'ditta', 'spółka'],
  contact: ['contact', 'contactperson', 'ansprechpartner', 'kontaktperson', 'контакт', 'контактноелицо', 'контактнаособа',
    'personnecontact', 'contacto', 'referente', 'osobakontaktowa'],
  phone: ['phone', 'tel', 'telephone', 'phonenumber', 'mobile', 'mobilephone', 'cell', 'telefon', 'telefonnummer', 'handy',
    'mobil', 'телефон', 'тел', 'мобильный', 'мобильныйтелефон', 'номертелефона', 'моб', 'téléphone', 'portable', 'teléfono',
    'telefono', 'móvil', 'cellulare', 'numertelefonu', 'komórka', 'otherphones', 'morephones', 'phones', 'weiteretelefone',
    'другиетелефоны', 'телефоны'],
  email: ['email', 'mail', 'emailaddress', 'eposta', 'emailadresse', 'почта', 'электроннаяпочта', 'имейл', 'емейл', 'ел.пошта',
    'електроннапошта', 'courriel', 'correo', 'correoelectrónico', 'posta', 'adresemail', 'otheremails', 'moreemails', 'emails'],
  group: ['group', 'category', 'segment', 'type', 'clienttype', 'gruppe', 'kategorie', 'kundengruppe', 'группа', 'категория',
    'типклиента', 'група', 'groupe', 'catégorie', 'grupo', 'categoría', 'gruppo', 'categoria', 'grupa', 'kategoria'],
  address: ['address', 'street', 'adresse', 'anschrift', 'straße', 'strasse', 'адрес', 'адреса', 'rue', 'dirección',
    'direccion', 'indirizzo', 'adres', 'ulica'],
  city: ['city', 'town', 'stadt', 'ort', 'город', 'місто', 'ville', 'ciudad', 'città', 'citta', 'miasto'],
  manager: ['manager', 'owner', 'accountmanager', 'responsible', 'betreuer', 'verantwortlich', 'менеджер', 'ответственный',
    'відповідальний', 'responsable', 'gestore', 'opiekun'],
  preferences: ['preferences', 'preference', 'wishes', 'präferenzen', 'wünsche', 'предпочтения', 'пожелания', 'побажання',
    'préférences', 'preferencias', 'preferenze', 'preferencje'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarks', 'notiz', 'notizen', 'bemerkung', 'bemerkungen', 'kommentar',
    'примечание', 'примечания', 'комментарий', 'заметки', 'примітка', 'коментар', 'remarque', 'commentaire', 'notas', 'nota',
    'comentario', 'commento', 'uwagi', 'notatki'],
  callBack: ['callback', 'recall', 'rückruf', 'перезвонить', 'перезвон', 'передзвонити', 'rappeler', 'devolverllamada',
    'richiamare', 'oddzwonić'],
};

/** Header text as compared: lower case, letters (any script) and digits only. */
export function normalizeHeaderWord(text: string): string {
  return String(text || '').toLowerCase().replace(/[\s_\-.:/()#*]+/g, '').replace(/[^\p{L}\p{N}]/gu, '');
}

function fieldOfHeader(header: string): ImportField | '' {
  const word = normalizeHeaderWord(header);
  if (word === '') return '';
  for (const field of IMPORT_FIELDS) if (SYNONYMS[field].indexOf(word) >= 0) return field;
  // "Telefon privat", "E-Mail (work)", "Phone 2": a synonym at the start of the header.
  let best: { field: ImportField; length: number } | null = null;
  for (const field of IMPORT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      if (synonym.length >= 3 && word.indexOf(synonym) === 0 && (!best || synonym.length > best.length)) best = { field, length: synonym.length };
    }
  }
  return best ? best.field : '';
}

/**
 * The guess: each header to the field it names; a field claimed twice keeps its first column,
 * except phone and e-mail, whose further columns become the client's other phones / e-mails.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken: Partial<Record<ImportField, boolean>> = {};
  return headers.map((header) => {
    const field = fieldOfHeader(header);
    if (field === '') return '';
    if (taken[field] && field !== 'phone' && field !== 'email') return '';
    taken[field] = true;
    return field;
  });
}

/** Checks a mapping sent back by the user: one entry per column, known fields only, a name or company. */
export function mappingProblems(mapping: readonly unknown[], columnCount: number): string[] {
  const problems: string[] = [];
  if (mapping.length !== columnCount) problems.push(`The mapping has ${mapping.length} columns; the file has ${columnCount}.`);
  const seen: Record<string, number> = {};
  mapping.forEach((field, i) => {
    if (field === '') return;
    if (typeof field !== 'string' || (IMPORT_FIELDS as readonly string[]).indexOf(field) < 0) {
      problems.push(`Column ${i + 1}: "${String(field)}" is not a client field.`);
      return;
    }
    seen[field] = (seen[field] || 0) + 1;
    if (seen[field] === 2 && field !== 'phone' && field !== 'email') problems.push(`${IMPORT_FIELD_LABELS[field as ImportField]} is chosen for more than one column.`);
  });
  if (!seen.name && !seen.company) problems.push('Choose the column that holds the client\'s name or company.');
  return problems;
}

const GROUP_WORDS: Record<string, string[]> = {
  new: ['new', 'neu', 'neukunde', 'новый', 'новые', 'новий', 'nouveau', 'nuevo', 'nuovo', 'nowy'],
  returning: ['returning', 'regular', 'repeat', 'stammkunde', 'stamm', 'постоянный', 'повторный', 'постійний', 'fidèle',
    'habitual', 'abituale', 'stały'],
  wholesale: ['wholesale', 'großhandel', 'grosshandel', 'händler', 'опт', 'оптовый', 'оптовик', 'оптовий', 'gros', 'grossiste',
    'mayorista', 'ingrosso', 'hurt', 'hurtowy'],
  retail: ['retail', 'einzelhandel', 'endkunde', 'privat', 'розница', 'розничный', 'роздріб', 'détail', 'particulier',
    'minorista', 'dettaglio', 'detal', 'detaliczny'],
  partner: ['partner', 'партнер', 'партнёр', 'partenaire', 'socio'],
};

/** A group word of the file ("Großhandel", "опт", "Stammkunde") as one of the Settings groups, or ''. */
export function groupOf(text: string, groups: readonly string[]): string {
  const word = normalizeHeaderWord(text);
  if (word === '') return '';
  // The groups are Settings client_groups: the owner's own words match as they are spelled
  // there; the built-in synonyms only lead to a built-in group the list still has.
  for (const key of groups) if (normalizeHeaderWord(key) === word) return key;
  for (const key of Object.keys(GROUP_WORDS)) {
    if (GROUP_WORDS[key].indexOf(word) < 0) continue;
    const listed = groups.filter((g) => normalizeHeaderWord(g) === key)[0];
    if (listed) return listed;
  }
  return '';
}

const YES = ['1', 'x', 'yes', 'y', 'true', 'ja', 'да', 'так', 'oui', 'sí', 'si', 'tak', '✓', '+'];

export function yesNo(text: string): boolean {
  return YES.indexOf(String(text || '').trim().toLowerCase()) >= 0;
}
