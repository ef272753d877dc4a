// CUPS through its own client: `lp -d QUEUE` (raw for ZPL/ESC/POS, or a PDF), and
// `lpstat -p QUEUE` for the queue's state. lp's "request id is …" is the acknowledgement:
// cupsd has spooled the job and will deliver it.
import { spawn } from 'node:child_process'
import type { PrinterStatus } from '@shared/contract/printing-views'
import { NoAcknowledgement, PrinterNotReady, type Acknowledgement, type PrintDocument, type PrinterTransport } from './transport'

function run(cmd: string, args: string[], input?: Buffer, timeoutMs = 10_000): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    let out = ''
    let child
    try {
      child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs })
    } catch {
      resolve({ code: 127, out: `${cmd} is not installed` })
      return
    }
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', () => resolve({ code: 127, out: `${cmd} is not installed` }))
    child.on('close', (code) => resolve({ code: code ?? 1, out }))
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}

export class CupsPrinter implements PrinterTransport {
  constructor(private readonly queue: string) {}

  async status(): Promise<PrinterStatus> {
    const { code, out } = await run('lpstat', ['-p', this.queue])
    if (code !== 0) return 'offline'
    if (/disabled/i.test(out)) return /paper|media/i.test(out) ? 'paper_out' : 'offline'
    return 'ready'
  }

  async print(doc: PrintDocument, onSent: () => void): Promise<Acknowledgement> {
    const before = await this.status()
    if (before !== 'ready') throw new PrinterNotReady(before)
    const raw = doc.mimeType !== 'application/pdf'
    const args = ['-d', this.queue, '-t', doc.name, ...(raw ? ['-o', 'raw'] : []), '-']
    onSent()
    const { code, out } = await run('lp', args, doc.bytes)
    const m = /request id is (\S+)/.exec(out)
    if (code !== 0 || !m) throw new NoAcknowledgement(`lp failed: ${out.trim().slice(0, 200)}`)
    return { reference: m[1] }
  }
}
