// Splits a serial scanner's byte stream into codes: on the configured terminator, or, when a
// code arrives without one (or the terminator is "none"), after the line has been quiet for
// the inter-byte timeout. Scanners send a code in one burst, so a pause means it is complete.
import type { SerialTerminator } from '@shared/contract/devices-views'

const TERMINATORS: Record<SerialTerminator, string | null> = { cr: '\r', lf: '\n', crlf: '\r\n', tab: '\t', none: null }

export class SerialFramer {
  private pending = ''
  private timer: NodeJS.Timeout | null = null
  private readonly decoder = new TextDecoder('utf-8')

  constructor(
    private readonly terminator: SerialTerminator,
    private readonly interByteTimeoutMs: number,
    private readonly onCode: (code: string) => void,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending += this.decoder.decode(chunk, { stream: true })
    const sep = TERMINATORS[this.terminator]
    if (sep) {
      let at: number
      while ((at = this.pending.indexOf(sep)) !== -1) {
        this.emit(this.pending.slice(0, at))
        this.pending = this.pending.slice(at + sep.length)
      }
    }
    if (this.pending !== '') this.timer = setTimeout(() => this.flush(), this.interByteTimeoutMs)
  }

  /** Emits what is pending (the timeout, or the port closing). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const rest = this.pending
    this.pending = ''
    this.emit(rest)
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending = ''
  }

  private emit(raw: string): void {
    // CR/LF around the code when the scanner's suffix differs from the configured terminator.
    const code = raw.replace(/^[\r\n]+|[\r\n]+$/g, '')
    if (code !== '') this.onCode(code)
  }
}
