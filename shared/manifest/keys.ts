// How codes and names are normalised before they are stored or looked up, so that a code
// typed in lower case or with spaces, or a name typed without its accents, still matches.

/** Codes (order numbers, RMA ids, label codes, tracking numbers): no spaces, upper case. */
export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase()
}

/** Names: lower case, accents removed, single spaces ("Inès  Moreau" → "ines moreau"). */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}
