// IPP for driverless printers: Print-Job with application/pdf or application/vnd.zebra-zpl.
// A successful Print-Job response is the acknowledgement (the printer has the job and gave it
// an id); the status comes from Get-Printer-Attributes.
import http from 'node:http'
import https from 'node:https'
import type { PrinterStatus } from '@shared/contract/printing-views'
import { decodeResponse, encodeRequest, IPP_TAG, type IppResponse } from './ipp-codec'
import { NoAcknowledgement, PrinterNotReady, type Acknowledgement, type PrintDocument, type PrinterTransport } from './transport'

const PRINT_JOB = 0x0002
const GET_PRINTER_ATTRIBUTES = 0x000b

let requestId = 1

export class IppPrinter implements PrinterTransport {
  constructor(
    private readonly uri: string,
    private readonly timeoutMs = 10_000,
  ) {}

  private post(body: Buffer, onSent?: () => void): Promise<IppResponse> {
    const url = new URL(this.uri.replace(/^ipp:/, 'http:').replace(/^ipps:/, 'https:'))
    if (!url.port) url.port = '631'
    // ipps:// is IPP over TLS; driverless printers use self-signed certificates.
    const secure = url.protocol === 'https:'
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(url, {
        ...(secure ? { rejectUnauthorized: false } : {}),
        method: 'POST',
        headers: { 'Content-Type': 'application/ipp', 'Content-Length': body.length },
        timeout: this.timeoutMs,
      })
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve(decodeResponse(Buffer.concat(chunks)))
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)))
          }
        })
      })
      req.on('timeout', () => req.destroy(new Error('IPP request timed out')))
      req.on('error', reject)
      req.end(body, () => onSent?.())
    })
  }

  private operationAttributes(extra: { tag: number; name: string; value: string }[] = []) {
    return [
      { tag: IPP_TAG.charset, name: 'attributes-charset', value: 'utf-8' },
      { tag: IPP_TAG.language, name: 'attributes-natural-language', value: 'en' },
      { tag: IPP_TAG.uri, name: 'printer-uri', value: this.uri },
      { tag: IPP_TAG.name, name: 'requesting-user-name', value: 'dropdesk' },
      ...extra,
    ]
  }

  async status(): Promise<PrinterStatus> {
    let res: IppResponse
    try {
      res = await this.post(encodeRequest(GET_PRINTER_ATTRIBUTES, requestId++, this.operationAttributes([{ tag: IPP_TAG.keyword, name: 'requested-attributes', value: 'printer-state-reasons' }])))
    } catch {
      return 'offline'
    }
    if (res.statusCode >= 0x0100) return 'unknown'
    return statusFromReasons((res.attributes.get('printer-state-reasons') ?? []).map(String), res.attributes.get('printer-state')?.[0])
  }

  async print(doc: PrintDocument, onSent: () => void): Promise<Acknowledgement> {
    const before = await this.status()
    if (before !== 'ready') throw new PrinterNotReady(before)
    const header = encodeRequest(
      PRINT_JOB,
      requestId++,
      this.operationAttributes([
        { tag: IPP_TAG.name, name: 'job-name', value: doc.name },
        { tag: IPP_TAG.mimeType, name: 'document-format', value: doc.mimeType },
      ]),
    )
    let res: IppResponse
    try {
      res = await this.post(Buffer.concat([header, doc.bytes]), onSent)
    } catch (e) {
      throw new NoAcknowledgement(`no IPP response: ${e instanceof Error ? e.message : String(e)}`)
    }
    if (res.statusCode >= 0x0100) throw new Error(`the printer refused the job (IPP status 0x${res.statusCode.toString(16).padStart(4, '0')})`)
    const jobId = res.attributes.get('job-id')?.[0]
    return jobId === undefined ? {} : { reference: String(jobId) }
  }
}

export function statusFromReasons(reasons: string[], state?: unknown): PrinterStatus {
  const has = (prefix: string) => reasons.some((r) => r.startsWith(prefix))
  if (has('media-empty') || has('media-needed')) return 'paper_out'
  if (has('cover-open') || has('door-open')) return 'head_open'
  if (has('offline') || has('shutdown') || state === 5) return 'offline'
  return 'ready'
}
