// The little of IPP/1.1 (RFC 8010) DropDesk speaks: encode a request with operation attributes,
// decode a response's status and attributes. Enough for Print-Job and Get-Printer-Attributes.

export const IPP_TAG = {
  operation: 0x01,
  job: 0x02,
  end: 0x03,
  printer: 0x04,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  keyword: 0x44,
  uri: 0x45,
  charset: 0x47,
  language: 0x48,
  mimeType: 0x49,
  name: 0x42,
  text: 0x41,
} as const

export type IppValue = string | number | boolean

export interface IppRequestAttribute {
  tag: number
  name: string
  value: string
}

export function encodeRequest(operation: number, requestId: number, attributes: IppRequestAttribute[]): Buffer {
  const parts: Buffer[] = [Buffer.from([1, 1, operation >> 8, operation & 0xff, 0, 0, 0, 0])]
  parts[0]!.writeUInt32BE(requestId, 4)
  parts.push(Buffer.from([IPP_TAG.operation]))
  for (const a of attributes) {
    const name = Buffer.from(a.name, 'utf8')
    const value = Buffer.from(a.value, 'utf8')
    const head = Buffer.alloc(5)
    head[0] = a.tag
    head.writeUInt16BE(name.length, 1)
    parts.push(head.subarray(0, 3), name)
    const len = Buffer.alloc(2)
    len.writeUInt16BE(value.length)
    parts.push(len, value)
  }
  parts.push(Buffer.from([IPP_TAG.end]))
  return Buffer.concat(parts)
}

export interface IppResponse {
  statusCode: number
  attributes: Map<string, IppValue[]>
}

export function decodeResponse(body: Buffer): IppResponse {
  if (body.length < 9) throw new Error('IPP response too short')
  const statusCode = body.readUInt16BE(2)
  const attributes = new Map<string, IppValue[]>()
  let pos = 8
  let last = ''
  while (pos < body.length) {
    const tag = body[pos++]!
    if (tag === IPP_TAG.end) break
    if (tag < 0x10) continue // a group delimiter
    const nameLen = body.readUInt16BE(pos)
    const name = body.toString('utf8', pos + 2, pos + 2 + nameLen)
    pos += 2 + nameLen
    const valueLen = body.readUInt16BE(pos)
    const raw = body.subarray(pos + 2, pos + 2 + valueLen)
    pos += 2 + valueLen
    const value: IppValue =
      tag === IPP_TAG.integer || tag === IPP_TAG.enum ? raw.readInt32BE(0) : tag === IPP_TAG.boolean ? raw[0] === 1 : raw.toString('utf8')
    if (name) last = name
    const list = attributes.get(last) ?? []
    list.push(value)
    attributes.set(last, list)
  }
  return { statusCode, attributes }
}
