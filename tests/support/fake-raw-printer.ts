// A printer on a loopback TCP port, at the edge of the world: records the job bytes it
// receives and answers Zebra ~HS and ESC/POS DLE EOT queries with a configurable state
// (ready, paper out, head open, or silent, as a Zebra that cannot answer).
import net from 'node:net'

export type FakeState = 'ready' | 'paper_out' | 'head_open' | 'silent'

const HS = Buffer.from('~HS')
const DLE_EOT = 0x10

function zebraReply(state: FakeState): Buffer {
  const paperOut = state === 'paper_out' ? '1' : '0'
  const headUp = state === 'head_open' ? '1' : '0'
  // Three STX…ETX strings, CR LF after each, fields as in the ZPL manual's ~HS description.
  return Buffer.from(
    `\x02030,${paperOut},0,1245,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,${headUp},0,0,2,4,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n`,
    'latin1',
  )
}

function escposReply(n: number, state: FakeState): number {
  if (n === 2) return 0x12 | (state === 'head_open' ? 0x04 : 0) | (state === 'paper_out' ? 0x20 : 0)
  if (n === 4) return 0x12 | (state === 'paper_out' ? 0x60 : 0)
  return 0x12
}

export class FakeRawPrinter {
  state: FakeState = 'ready'
  /** After this many jobs, the printer goes silent (a crash window between "sent" and the acknowledgement). */
  silentAfterJobs = Infinity
  private readonly server = net.createServer((s) => this.serve(s))
  private readonly jobBuffers: Buffer[] = []
  port = 0

  constructor(readonly language: 'zpl' | 'escpos') {}

  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve))
    this.port = (this.server.address() as net.AddressInfo).port
    return this
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  /** The jobs received: the bytes between status queries, one entry per connection. */
  get jobs(): Buffer[] {
    return this.jobBuffers.filter((b) => b.length > 0)
  }

  private serve(socket: net.Socket): void {
    socket.on('error', () => {})
    // Printers answer status queries at once; Nagle's algorithm would hold the small replies.
    socket.setNoDelay(true)
    let index = -1 // this connection's entry in jobBuffers, once it sent job bytes
    const record = (bytes: Buffer) => {
      if (!bytes.length) return
      if (index < 0) index = this.jobBuffers.push(bytes) - 1
      else this.jobBuffers[index] = Buffer.concat([this.jobBuffers[index]!, bytes])
    }
    socket.on('data', (chunk: Buffer) => {
      let rest = chunk
      while (rest.length) {
        const query = this.language === 'zpl' ? rest.indexOf(HS) : findDleEot(rest)
        if (query < 0) {
          record(rest)
          break
        }
        record(rest.subarray(0, query))
        if (this.language === 'zpl') {
          rest = rest.subarray(query + HS.length)
          while (rest[0] === 0x0d || rest[0] === 0x0a) rest = rest.subarray(1)
          if (this.answers()) socket.write(zebraReply(this.state))
        } else {
          const n = rest[query + 2]!
          rest = rest.subarray(query + 3)
          if (this.answers()) socket.write(Buffer.from([escposReply(n, this.state)]))
        }
      }
    })
  }

  private answers(): boolean {
    return this.state !== 'silent' && this.jobs.length < this.silentAfterJobs
  }
}

/** DLE EOT n with n = 1, 2 or 4: the status queries (a lone 0x10 inside a job is data). */
function findDleEot(b: Buffer): number {
  for (let i = b.indexOf(DLE_EOT); i >= 0 && i + 2 < b.length; i = b.indexOf(DLE_EOT, i + 1)) {
    if (b[i + 1] === 0x04 && [1, 2, 4].includes(b[i + 2]!)) return i
  }
  return -1
}
