// Raw TCP (port 9100, "JetDirect"): the status is asked before the job and again after it.
// The reply after the job is the acknowledgement: a printer answers in order, so it has taken
// the job in. Zebra printers stay silent when they cannot answer, so silence is an error.
import net from 'node:net'
import type { PrinterLanguage, PrinterStatus } from '@shared/contract/printing-views'
import { ESCPOS_STATUS_QUERY, parseEscPosStatus, parseZebraHostStatus, ZPL_STATUS_QUERY } from './printer-status'
import { NoAcknowledgement, PrinterNotReady, type Acknowledgement, type PrintDocument, type PrinterTransport } from './transport'

export interface RawTcpOptions {
  host: string
  port: number
  language: PrinterLanguage
  timeoutMs?: number
}

class Connection {
  private received = Buffer.alloc(0)
  private waiter: (() => void) | null = null
  private closed = false

  constructor(readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      this.received = Buffer.concat([this.received, d])
      this.waiter?.()
    })
    socket.on('close', () => {
      this.closed = true
      this.waiter?.()
    })
    socket.on('error', () => {})
  }

  static open(host: string, port: number, timeoutMs: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port, noDelay: true })
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new PrinterNotReady('offline'))
      }, timeoutMs)
      socket.once('connect', () => {
        clearTimeout(timer)
        resolve(new Connection(socket))
      })
      socket.once('error', () => {
        clearTimeout(timer)
        reject(new PrinterNotReady('offline'))
      })
    })
  }

  /** Sends a status query and parses the reply; null on silence or a closed socket. */
  async query(language: PrinterLanguage, timeoutMs: number): Promise<PrinterStatus | null> {
    this.received = Buffer.alloc(0)
    const parse = language === 'escpos' ? (b: Buffer) => parseEscPosStatus(b) : (b: Buffer) => parseZebraHostStatus(b.toString('latin1'))
    this.socket.write(language === 'escpos' ? ESCPOS_STATUS_QUERY : ZPL_STATUS_QUERY)
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const status = parse(this.received)
      if (status || this.closed) return status
      const left = deadline - Date.now()
      if (left <= 0) return null
      await this.nextChange(left)
    }
  }

  /** Resolves when bytes arrive or the socket closes (the waiter is called), or after `ms`. */
  private async nextChange(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      this.waiter = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    this.waiter = null
  }

  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(bytes, (e) => (e ? reject(new PrinterNotReady('offline')) : resolve())))
  }

  /** Half-closes our side and waits for the printer to close its own: it has taken the job. */
  async finish(timeoutMs: number): Promise<boolean> {
    this.socket.end()
    const deadline = Date.now() + timeoutMs
    while (!this.closed) {
      const left = deadline - Date.now()
      if (left <= 0) return false
      await this.nextChange(left)
    }
    return true
  }

  close(): void {
    this.socket.end()
    this.socket.destroy()
  }
}

export class RawTcpPrinter implements PrinterTransport {
  private readonly timeoutMs: number

  constructor(private readonly options: RawTcpOptions) {
    this.timeoutMs = options.timeoutMs ?? 2000
  }

  async status(): Promise<PrinterStatus> {
    let conn: Connection
    try {
      conn = await Connection.open(this.options.host, this.options.port, this.timeoutMs)
    } catch {
      return 'offline'
    }
    try {
      if (this.options.language === 'pdf') return 'ready'
      return (await conn.query(this.options.language, this.timeoutMs)) ?? 'offline'
    } finally {
      conn.close()
    }
  }

  async print(doc: PrintDocument, onSent: () => void): Promise<Acknowledgement> {
    const conn = await Connection.open(this.options.host, this.options.port, this.timeoutMs)
    if (this.options.language === 'pdf') return this.printPdf(conn, doc, onSent)
    try {
      const before = await conn.query(this.options.language, this.timeoutMs)
      if (before !== 'ready') throw new PrinterNotReady(before ?? 'offline')
      await conn.write(doc.bytes)
      onSent()
      const after = await conn.query(this.options.language, this.timeoutMs)
      if (!after) throw new NoAcknowledgement('the printer did not answer after the job')
      return {}
    } finally {
      conn.close()
    }
  }

  private async printPdf(conn: Connection, doc: PrintDocument, onSent: () => void): Promise<Acknowledgement> {
    try {
      await conn.write(doc.bytes)
      onSent()
      if (!(await conn.finish(this.timeoutMs * 5))) throw new NoAcknowledgement('the printer did not close the connection after the job')
      return {}
    } finally {
      conn.close()
    }
  }
}
