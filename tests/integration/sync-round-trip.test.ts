// A kiosk works offline, then syncs through the real services to the reference central
// service on a real PostgreSQL: the centre holds the same events, cases and photo bytes.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { QuarantineItem, SyncProgress, SyncStatusView } from '@shared/contract/sync-views'
import { DB_FILE } from '../../electron/services/store/database'
import type { PhotoRef, PhotoSource } from '../../electron/services/sync/photo-source'
import { syncClientFor } from '../../electron/services/sync/registry'
import { SyncClient } from '../../electron/services/sync/sync-client'
import { openStore } from '../../electron/services/store'
import { startCentral, type TestCentral } from '../support/central'
import { startKiosk, type TestKiosk } from '../support/kiosk'
import { startPostgres, type PgCluster } from '../support/postgres'
import { expectExactlyOnce, localEvents } from '../support/sync-check'
import { tempDir } from '../support/temp-dir'

const silentLog = { info: () => {}, warn: () => {}, error: () => {} }
let cluster: PgCluster
let central: TestCentral | undefined
let kiosk: TestKiosk | undefined
beforeAll(async () => {
  cluster = await startPostgres()
})
afterAll(() => cluster.stop())
afterEach(async () => {
  kiosk?.services.close()
  kiosk = undefined
  await central?.close()
  central = undefined
})

/** Photos for the case.started events of the given cases: real files of random bytes. */
function photosFor(dir: string, k: TestKiosk, caseIds: string[]): { source: PhotoSource; refs: PhotoRef[] } {
  mkdirSync(path.join(dir, 'photos'), { recursive: true })
  const started = localEvents(k.dataDir).filter((e) => caseIds.includes(e.case_id) && e.type === 'case.started')
  const refs = started.map((e) => {
    const bytes = randomBytes(50_000 + Math.floor(Math.random() * 250_000))
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const file = path.join(dir, 'photos', `${sha256}.jpg`)
    writeFileSync(file, bytes)
    return { eventId: e.id, caseId: e.case_id, sha256, path: file }
  })
  return { refs, source: { photosFor: (ids) => refs.filter((r) => ids.includes(r.eventId)) } }
}

async function operatorGet(c: TestCentral, url: string): Promise<Response> {
  return fetch(c.url + url, { headers: { authorization: `Bearer ${c.operatorToken}` } })
}

describe('sync round trip', () => {
  it('idles without a central system, then delivers cases, events and photos exactly as recorded', async () => {
    const dir = tempDir()
    kiosk = await startKiosk(dir)
    const { services, session } = kiosk
    const caseIds = await kiosk.startCases(20)
    const photos = photosFor(dir, kiosk, caseIds.slice(0, 5))
    syncClientFor(services.kioskId)!.setPhotoSource(photos.source)

    // Alone: nothing configured, the kiosk keeps working and the sync idles.
    const idle = (await services.dispatch('sync.now', {}, session)) as { ok: true; value: SyncStatusView }
    expect(idle.value).toMatchObject({ configured: false, pendingEvents: 40, lastSuccessAt: null })

    central = await startCentral(cluster)
    const progress: SyncProgress[] = []
    services.onEvent((name, payload) => name === 'sync.progress' && progress.push(payload as SyncProgress))
    expect((await services.dispatch('sync.configure', { centralUrl: central.url + '/', nightlyAt: '03:15' }, session)).ok).toBe(true)
    const enrolled = (await services.dispatch('sync.enrol', { code: await central.createCode('C1') }, session)) as { ok: true; value: SyncStatusView }
    expect(enrolled.value).toMatchObject({ configured: true, enrolled: true, counterId: 'C1', nightlyAt: '03:15', centralUrl: central.url })
    // The token is sealed at rest: neither the settings row nor the database file holds it.
    const token = new BetterSqlite3(path.join(kiosk.dataDir, DB_FILE), { readonly: true })
    const stored = JSON.parse((token.prepare("SELECT value FROM settings WHERE key = 'sync.token'").get() as { value: string }).value) as { sealed: string }
    token.close()
    expect(stored.sealed).toMatch(/^v1\./)
    for (const file of [DB_FILE, DB_FILE + '-wal']) {
      const bytes = existsSync(path.join(kiosk.dataDir, file)) ? readFileSync(path.join(kiosk.dataDir, file)).toString('latin1') : ''
      expect(bytes).not.toMatch(/dd_[A-Za-z0-9_-]{16}/)
    }
    expect(JSON.stringify(enrolled.value)).not.toMatch(/dd_/)

    const done = (await services.dispatch('sync.now', {}, session)) as { ok: true; value: SyncStatusView }
    expect(done.value).toMatchObject({ pendingEvents: 0, pendingPhotos: 0, quarantined: 0, lastError: null })
    expect(done.value.lastSuccessAt).not.toBeNull()
    expect(progress.some((p) => p.phase === 'events' && p.done === 40)).toBe(true)
    expect(progress.at(-1)?.phase).toBe('done')

    expect(await expectExactlyOnce(central.db, kiosk.dataDir)).toBe(40)
    await central.projected()
    const cases = await central.db.query<{ id: string; case_number: string; status: string; event_count: number }>('SELECT id, case_number, status, event_count FROM cases ORDER BY id')
    const local = new BetterSqlite3(path.join(kiosk.dataDir, DB_FILE), { readonly: true })
    const localCases = local.prepare('SELECT id, case_number, status FROM cases ORDER BY id').all() as { id: string; case_number: string; status: string }[]
    local.close()
    expect(cases.rows.map((c) => [c.id, c.case_number, c.status, c.event_count])).toEqual(localCases.map((c) => [c.id, c.case_number, c.status, 2]))

    // Photo bytes, fetched back through the operator's endpoint, hash to the same names.
    for (const ref of photos.refs) {
      const res = await operatorGet(central, `/v1/operator/photos/${ref.sha256}`)
      expect(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex')).toBe(ref.sha256)
    }
    const detail = (await (await operatorGet(central, `/v1/operator/cases/${caseIds[0]}`)).json()) as { events: unknown[]; photos: { sha256: string }[] }
    expect(detail.events).toHaveLength(2)
    expect(detail.photos.map((p) => p.sha256)).toEqual([photos.refs.find((r) => r.caseId === caseIds[0])!.sha256])
    const day = localCases.length ? (await central.db.query<{ started_at: string }>('SELECT started_at FROM cases LIMIT 1')).rows[0]!.started_at.slice(0, 10) : ''
    const byDay = (await (await operatorGet(central, `/v1/operator/cases?counter=C1&date=${day}&tz=UTC`)).json()) as { cases: unknown[] }
    expect(byDay.cases).toHaveLength(20)

    // A second sync sends nothing new and changes nothing.
    await services.dispatch('sync.now', {}, session)
    expect(await expectExactlyOnce(central.db, kiosk.dataDir)).toBe(40)
  })

  it('quarantines a poison event with the server’s reason and delivers the others', async () => {
    const dir = tempDir()
    kiosk = await startKiosk(dir)
    const { services, session } = kiosk
    await kiosk.startCases(5)
    // An event the centre cannot accept (an unknown type), in the middle of the log.
    const db = new BetterSqlite3(path.join(kiosk.dataDir, DB_FILE))
    db.prepare(`INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at) VALUES ('poison-1', 'case-x', 1, 'case.bogus', '{}', 'a', ?, ?)`).run(
      services.kioskId,
      new Date().toISOString(),
    )
    db.close()
    await kiosk.startCases(5, 5)
    central = await startCentral(cluster)
    await services.dispatch('sync.configure', { centralUrl: central.url }, session)
    await services.dispatch('sync.enrol', { code: await central.createCode() }, session)

    const status = (await services.dispatch('sync.now', {}, session)) as { ok: true; value: SyncStatusView }
    expect(status.value).toMatchObject({ pendingEvents: 0, quarantined: 1 })
    const q = (await services.dispatch('sync.quarantine', {}, session)) as { ok: true; value: QuarantineItem[] }
    expect(q.value).toEqual([expect.objectContaining({ kind: 'event', ref: 'poison-1', status: 422, reason: expect.stringContaining('unknown event type') })])
    expect(await expectExactlyOnce(central.db, kiosk.dataDir, { except: ['poison-1'] })).toBe(20)

    // A retry asks again; the centre still refuses, the reason is kept, nothing else changes.
    const retried = await services.dispatch('sync.retry', { kind: 'event', ref: 'poison-1' }, session)
    expect(retried).toMatchObject({ ok: true, value: { quarantined: 1 } })
    const unknown = await services.dispatch('sync.retry', { kind: 'event', ref: 'nope' }, session)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect((await central.db.query("SELECT count(*)::int AS n FROM events WHERE id = 'poison-1'")).rows[0]).toEqual({ n: 0 })
  })

  it('quarantines a photo whose bytes do not match its name, and delivers the rest', async () => {
    const dir = tempDir()
    kiosk = await startKiosk(dir)
    const { services, session } = kiosk
    const caseIds = await kiosk.startCases(3)
    const photos = photosFor(dir, kiosk, caseIds)
    // The first photo's file was damaged on this kiosk after its hash was taken.
    writeFileSync(photos.refs[0]!.path, randomBytes(1000))
    syncClientFor(services.kioskId)!.setPhotoSource(photos.source)
    central = await startCentral(cluster)
    await services.dispatch('sync.configure', { centralUrl: central.url }, session)
    await services.dispatch('sync.enrol', { code: await central.createCode() }, session)
    const status = (await services.dispatch('sync.now', {}, session)) as { ok: true; value: SyncStatusView }
    expect(status.value).toMatchObject({ pendingEvents: 0, pendingPhotos: 1, quarantined: 1 })
    const q = (await services.dispatch('sync.quarantine', {}, session)) as { ok: true; value: QuarantineItem[] }
    expect(q.value).toEqual([expect.objectContaining({ kind: 'photo', ref: photos.refs[0]!.sha256, status: 422, reason: expect.stringContaining('do not hash') })])
    const stored = await central.db.query<{ sha256: string }>('SELECT sha256 FROM photos ORDER BY sha256')
    expect(stored.rows.map((r) => r.sha256)).toEqual(photos.refs.slice(1).map((r) => r.sha256).sort())
  })

  it('calls onCaseSynced exactly when a case’s events (and photos) are all acknowledged', async () => {
    const dir = tempDir()
    kiosk = await startKiosk(dir)
    const [a, b] = await kiosk.startCases(2)
    // A client of its own that pushes one event per batch, one batch at a time, to see each
    // step (pipelined, replies already back are recorded together, as one step).
    const store = openStore(kiosk.dataDir)
    const client = new SyncClient({ store, kioskId: kiosk.services.kioskId, timeZone: 'UTC', log: silentLog, batchSize: 1, pushDepth: 1 })
    try {
      const photos = photosFor(dir, kiosk, [b!])
      client.setPhotoSource(photos.source)
      const calls: { caseId: string; pendingEvents: number; pendingPhotos: number }[] = []
      client.onCaseSynced((caseId) => {
        const { pendingEvents, pendingPhotos } = client.status()
        calls.push({ caseId, pendingEvents, pendingPhotos })
      })
      central = await startCentral(cluster)
      client.configure({ centralUrl: central.url })
      await client.enrol(await central.createCode())
      await client.sync('test')

      // Case a: right after its 2nd event was acknowledged (b's 2 events still pending);
      // case b: only once its photo was uploaded too.
      expect(calls).toEqual([
        { caseId: a, pendingEvents: 2, pendingPhotos: 0 },
        { caseId: b, pendingEvents: 0, pendingPhotos: 0 },
      ])
      await client.sync('again')
      expect(calls).toHaveLength(2)
    } finally {
      client.stop()
      store.close()
    }
  })
})
