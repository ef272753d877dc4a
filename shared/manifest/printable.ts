// Text from a file being imported is shown on a terminal and on the diagnostics screen. A
// control byte echoed raw can move the cursor, clear the screen or change the terminal's
// title, so every one is shown escaped (\x1B, \u2028), never as itself.

// C0 controls except none (tab and newline are escaped too: a report line stays one line),
// DEL, C1 controls, the line/paragraph separators and the bidi overrides that reorder text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffd]/g

function escape(ch: string): string {
  const code = ch.codePointAt(0)!
  if (ch === '\ufffd') return '\\uFFFD'
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/** `text` with every control or reordering character written as an escape; cut to `max` characters. */
export function printable(text: string, max = 200): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text
  return cut.replace(UNSAFE, escape)
}
