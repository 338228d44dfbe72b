// Which Settings keys a seller-details refusal names (issue 22). Pure: the server's sentence is
// "An issued invoice must name its seller: fill in company_name, company_bank on the Settings tab
// first (…)" (src/app/money/invoices.ts); tests hold the two together.

/** The Settings keys a seller-details refusal names, in its order (none for any other message). */
export function missingSettingKeys(message: string): string[] {
  const found = /must name its seller: fill in ([a-z0-9_., ]+?) on the Settings tab/.exec(message);
  return found ? found[1].split(/\s*,\s*/).filter(Boolean) : [];
}
