// A serial or USB CDC-ACM scanner read with serialport. Like HID, there is no hot-plug event:
// while the port is closed the source tries to open its path every poll interval, and a
// close or error (the scanner unplugged, the USB serial device gone) sends it back to that.
// serialport is native too: loaded on first use, and a missing binding is a visible status.
import type { SerialTerminator } from '@shared/contract/devices-views'
import type { SerialPort } from 'serialport'
import { SerialFramer } from './serial-framer'
import { RECONNECT_POLL_MS, type ScanHooks, type ScanSource } from './scanner'

export interface SerialConfig {
  path: string
  baudRate: number
  terminator: SerialTerminator
  interByteTimeoutMs: number
}

export class SerialSource implements ScanSource {
  readonly kind = 'serial' as const
  private port: SerialPort | null = null
  private framer: SerialFramer | null = null
  private timer: NodeJS.Timeout | null = null
  private stopped = true
  private loading = false

  constructor(
    private readonly config: SerialConfig,
    private readonly hooks: ScanHooks,
    private readonly pollMs = RECONNECT_POLL_MS,
  ) {}

  start(): void {
    this.stopped = false
    if (!this.config.path) {
      this.hooks.state('disconnected', 'No serial port is configured.')
      return
    }
    void this.tryOpen()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.close()
  }

  private schedule(): void {
    if (!this.stopped && !this.port && !this.timer) this.timer = setTimeout(() => void this.tryOpen(), this.pollMs)
  }

  private async tryOpen(): Promise<void> {
    this.timer = null
    if (this.stopped || this.port || this.loading) return
    const { path, baudRate } = this.config
    let port: SerialPort
    try {
      this.loading = true
      const { SerialPort } = await import('serialport')
      if (this.stopped || this.port) return
      port = new SerialPort({ path, baudRate, autoOpen: false })
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0]! : String(e)
      this.hooks.state('unavailable', `The serial port library could not be loaded (${why.slice(0, 160)}). Use the keyboard-wedge source.`)
      return
    } finally {
      this.loading = false
    }
    const framer = new SerialFramer(this.config.terminator, this.config.interByteTimeoutMs, (code) => this.hooks.scanned(code))
    this.port = port
    this.framer = framer
    port.on('data', (chunk: Buffer) => framer.push(chunk))
    port.on('close', () => this.lost(port, 'The port closed (unplugged?).'))
    port.on('error', (e: Error) => this.lost(port, e.message))
    port.open((e) => {
      if (this.port !== port) return
      if (!e) {
        this.hooks.state('connected', `${path} at ${baudRate} baud`)
        return
      }
      this.port = null
      this.framer = null
      const absent = /ENOENT|No such file|cannot open/i.test(e.message)
      this.hooks.state(absent ? 'disconnected' : 'error', absent ? `${path} is not present.` : `${path}: ${e.message}`)
      this.schedule()
    })
  }

  private lost(port: SerialPort, why: string): void {
    if (this.port !== port) return
    this.framer?.flush()
    this.port = null
    this.framer = null
    if (port.isOpen) port.close(() => {})
    if (this.stopped) return
    this.hooks.state('disconnected', `${this.config.path}: ${why}`)
    this.schedule()
  }

  private close(): Promise<void> {
    const port = this.port
    this.port = null
    this.framer?.dispose()
    this.framer = null
    if (!port?.isOpen) return Promise.resolve()
    return new Promise((resolve) => port.close(() => resolve()))
  }
}
