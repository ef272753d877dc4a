// What a manifest file is, before a single line of it is imported. A file that is not JSON
// Lines at all (empty, a folder, binary, compressed, CSV, a JSON array, another encoding) is
// refused whole with one sentence saying what it looks like and what to do, instead of one
// "not valid JSON" per line. Lines are then read as bytes so that invalid UTF-8 is reported
// with its position instead of being stored as U+FFFD.
import { reason, type Reason } from '@shared/contract/result'
import { isUtf8 } from 'node:buffer'
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs'
import { printable } from '@shared/manifest/printable'

const HEAD_BYTES = 64 * 1024
const FORMAT = 'the manifest is JSON Lines, one record per line, each line one JSON object such as {"orderNumber":"BM-48213377","orderDate":"2026-09-14","item":{"category":"smartphone"}}'

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(HEAD_BYTES)
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

/** Index of the first byte that does not start a valid UTF-8 sequence here; -1 when all is valid. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
    if (!len || i + len > b.length) return i
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i
    // Overlong, surrogate and out-of-range forms.
    if (c === 0xe0 && b[i + 1]! < 0xa0) return i
    if (c === 0xed && b[i + 1]! > 0x9f) return i
    if (c === 0xf0 && b[i + 1]! < 0x90) return i
    if (c === 0xf4 && b[i + 1]! > 0x8f) return i
    i += len
  }
  return -1
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`
}

/** "byte 7 (0xE9)": positions count from 1, as an editor's column would. */
export function invalidUtf8Reason(line: Uint8Array, at: number): Reason {
  return reason('import.invalidUtf8', `not valid UTF-8 at byte ${at + 1} (${hex(line[at]!)}): the file was saved in another encoding (often Latin-1 or Windows-1252); save it as UTF-8 and import it again`, { byte: at + 1 })
}

function splitLines(head: Buffer, whole: boolean): Buffer[] {
  const lines: Buffer[] = []
  let start = 0
  for (let i = head.indexOf(10); i !== -1; i = head.indexOf(10, start)) {
    lines.push(head.subarray(start, i))
    start = i + 1
  }
  // The last piece of a cut head may be half a line (or half a character): leave it out.
  if (whole && start < head.length) lines.push(head.subarray(start))
  return lines
}

function isBlank(b: Buffer): boolean {
  for (const c of b) if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false
  return true
}

function controlBytes(head: Buffer): { count: number; first: number } {
  let count = 0
  let first = -1
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) {
      count++
      if (first === -1) first = i
    }
  }
  return { count, first }
}

const separators = (line: string) => (line.match(/[,;\t]/g) ?? []).length

/**
 * Why this file cannot be a manifest at all, in one sentence with what to do; null when its
 * lines can be imported one by one.
 */
export function refuseManifestFile(file: string): string | null {
  let size: number
  try {
    const st = statSync(file)
    if (st.isDirectory()) return `${file} is a folder, not a file: give the path of the manifest file inside it (a .jsonl file); ${FORMAT}.`
    if (!st.isFile()) return `${file} is not a regular file (a device or a pipe): give the path of a manifest file (.jsonl).`
    size = st.size
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return `${file} does not exist: check the path and the file name.`
    if (code === 'EACCES' || code === 'EPERM') return `${file} cannot be read (permission denied): give this user read access to it, or copy it somewhere readable.`
    return `${file} cannot be read: ${printable((e as Error).message)}.`
  }
  if (size === 0) return `${file} is empty: there is nothing to import; ${FORMAT}.`
  let head: Buffer
  try {
    head = readHead(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM') return `${file} cannot be read (permission denied): give this user read access to it, or copy it somewhere readable.`
    return `${file} cannot be read: ${printable((e as Error).message)}.`
  }
  const whole = size <= head.length
  if (head[0] === 0x1f && head[1] === 0x8b) return `${file} is compressed (gzip), not a manifest: unpack it first (gunzip) and import the .jsonl file inside.`
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    return `${file} is a ZIP archive (or an Excel workbook), not a manifest: unpack it, or export the sheet as JSON Lines; ${FORMAT}.`
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return `${file} is a PDF document, not a manifest; ${FORMAT}.`
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return `${file} is UTF-16 text: save it as UTF-8 (in most editors: "Save as", encoding UTF-8) and import it again.`
  }
  const control = controlBytes(head)
  if (control.count > 0 && (head.includes(0) || control.count * 20 > head.length)) {
    return `${file} looks like a binary file, not text (byte ${control.first + 1} is the control byte ${hex(head[control.first]!)}): check that this is the manifest export; ${FORMAT}.`
  }
  const lines = splitLines(head, whole).filter((l) => !isBlank(l))
  if (!lines.length) return `${file} holds only blank lines: there is nothing to import; ${FORMAT}.`
  // An encoding is a property of the file: when no line with accents is valid UTF-8, the whole
  // file was saved in another encoding, and every such line would be rejected the same way.
  const nonAscii = lines.filter((l) => l.some((c) => c >= 0x80))
  if (nonAscii.length && nonAscii.every((l) => !isUtf8(l))) {
    const line = lines.indexOf(nonAscii[0]!)
    const at = firstInvalidUtf8(nonAscii[0]!)
    return `${file} is not UTF-8 text (first non-blank lines: byte ${at + 1} is ${hex(nonAscii[0]![at]!)}${line === 0 ? ' on the first line' : ''}): it was saved in another encoding (often Latin-1 or Windows-1252); save it as UTF-8 and import it again.`
  }
  const first = lines[0]!.toString('utf8').replace(/^\uFEFF/, '').trim()
  if (first.startsWith('[')) return `${file} looks like a JSON array; ${FORMAT}, without the surrounding [ ] and commas.`
  if (!first.startsWith('{')) {
    const second = lines[1]?.toString('utf8').trim()
    if (separators(first) > 0 && (second === undefined || (!second.startsWith('{') && separators(second) > 0))) {
      return `${file} looks like CSV (the first line is "${printable(first, 60)}"); ${FORMAT}. Export the orders as JSON Lines (the format is in shared/manifest/README.md) and import that file.`
    }
  }
  return null
}

/** The file's lines as bytes (without the line end), streamed: a million lines stay cheap. */
export async function* manifestLines(file: string): AsyncGenerator<Buffer> {
  let rest: Buffer | null = null
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk
    let start = 0
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, start)) {
      yield trimCr(buf.subarray(start, i))
      start = i + 1
    }
    rest = start < buf.length ? Buffer.from(buf.subarray(start)) : null
  }
  if (rest) yield trimCr(rest)
}

function trimCr(b: Buffer): Buffer {
  return b.length && b[b.length - 1] === 13 ? b.subarray(0, b.length - 1) : b
}
