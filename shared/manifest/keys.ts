// How codes and names are normalised before they are stored or looked up, so that a code
// typed in lower case or with spaces, or a name typed without its accents, still matches.

/** Codes (order numbers, RMA ids, label codes, tracking numbers): no spaces, upper case. */
export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase()
}

/** Names: lower case, accents removed, one apostrophe, single spaces ("Inès  O’Brien" → "ines o'brien"). */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // O’Brien typed on a phone or pasted from a document is O'Brien in the manifest, and back.
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4\u2032]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}
