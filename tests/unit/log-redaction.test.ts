// Structured logs never carry personal data: a canary name, IMEI and PIN logged the careless
// way (as fields, nested, in arrays, in messages, in an error) never appear in the output, on
// stderr's writer or in the rotating files; and the files rotate by size, keeping N.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLog, logDir, logSink } from '../../electron/services/log'
import { LOG_FILE } from '../../electron/services/logging/rotating-file'
import { isSensitiveKey } from '../../electron/services/logging/redact'
import { tempDir } from '../support/temp-dir'

const NAME = 'Zoltana'
const LAST = 'Quibbleworth'
const IMEI = '356938035643809'
const PIN = '482913'
const EMAIL = 'zoltana@example.org'

function careless(log: ReturnType<typeof createLog>): void {
  log.info(`case started for IMEI ${IMEI}`, { caseId: 'c-1', customer: { firstName: NAME, lastName: LAST } })
  log.warn('lookup', { firstName: NAME, last_name: LAST, imei: IMEI, unlockPin: PIN, pin: PIN, email: EMAIL, phone: '+33612345678' })
  log.error('nested', { order: { items: [{ serialNumber: 'SN-XYZ', note: `imei ${IMEI}` }], customerName: `${NAME} ${LAST}` } })
  log.error('failure', { error: new Error(`device ${IMEI} refused`), raw: Number(IMEI) })
}

describe('structured logs', () => {
  it('emits one JSON object a line with level, time, component and message', () => {
    const lines: string[] = []
    createLog('unit', (l) => lines.push(l)).info('hello', { caseId: 'c-9', count: 3 })
    expect(lines).toHaveLength(1)
    const entry = JSON.parse(lines[0]!)
    expect(entry).toMatchObject({ level: 'info', component: 'unit', message: 'hello', caseId: 'c-9', count: 3 })
    expect(new Date(entry.time).toString()).not.toBe('Invalid Date')
  })

  it('never writes the canary name, IMEI, PIN or e-mail, and keeps the identifiers', () => {
    const lines: string[] = []
    careless(createLog('unit', (l) => lines.push(l)))
    const text = lines.join('\n')
    for (const canary of [NAME, LAST, IMEI, PIN, EMAIL, 'SN-XYZ', '+33612345678']) expect(text).not.toContain(canary)
    expect(text).toContain('c-1')
    expect(text).toContain('[redacted]')
    expect(text).toContain('case started for IMEI [imei]')
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['info', 'warn', 'error', 'error'])
  })

  it('recognises personal keys however they are spelled, and leaves identifiers alone', () => {
    for (const key of ['name', 'firstName', 'last_name', 'IMEI', 'imei2', 'serial', 'pin', 'unlockPin', 'pinCode', 'email', 'phoneNumber', 'customer', 'customerName'])
      expect(isSensitiveKey(key), key).toBe(true)
    for (const key of ['caseId', 'orderNumber', 'caseNumber', 'kioskId', 'call', 'ms', 'imported']) expect(isSensitiveKey(key), key).toBe(false)
  })

  it('writes owner-only rotating files under the data dir, with no canary in any of them', () => {
    const dataDir = tempDir()
    const log = createLog('unit', logSink(dataDir, { maxBytes: 2_000, keep: 3 }, () => {}))
    for (let i = 0; i < 60; i++) {
      careless(log)
      log.info('tick', { i })
    }
    const dir = logDir(dataDir)
    const files = readdirSync(dir).sort()
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`, `${LOG_FILE}.3`])
    for (const f of files) {
      const full = path.join(dir, f)
      expect(statSync(full).size).toBeLessThanOrEqual(2_000)
      expect(statSync(full).mode & 0o777).toBe(0o600)
      const text = readFileSync(full, 'utf8')
      for (const canary of [NAME, LAST, IMEI, PIN, EMAIL]) expect(text).not.toContain(canary)
    }
    // The newest line is in the current file.
    const current = readFileSync(path.join(dir, LOG_FILE), 'utf8').trim().split('\n')
    expect(JSON.parse(current.at(-1)!)).toMatchObject({ message: 'tick', i: 59 })
  })
})
