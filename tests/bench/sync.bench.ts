// Sync throughput over loopback: a kiosk drains a backlog of 10,000 cases (10 events each,
// 100,000 events) and 10,000 photos of 300 KB to the reference central service (its own
// process, on a throw-away PostgreSQL). Each figure is set beside a baseline measured in the
// same run: a raw bulk insert of the same rows into the same PostgreSQL, and a raw HTTP upload
// of the same bytes to a bare Node server writing them to disk. Targets: events ≥ 50% of the
// raw insert, photo bytes ≥ 70% of the raw upload. Sizes: BENCH_CASES, BENCH_PHOTOS, BENCH_BATCH.
// Pushes store events only; the centre projects the cases once the pushes go quiet (or before an
// operator read): the bench waits for that, then times the projection of the whole backlog
// again on its own and prints it, so that work is not hidden. The raw baselines run after it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { packingItemIds } from '../../shared/domain/packing'
import { createEnrolmentCode } from '../../central/auth'
import { CaseProjector } from '../../central/case-projector'
import { migrate, openDb } from '../../central/db'
import { openStore } from '../../electron/services/store'
import type { PhotoRef } from '../../electron/services/sync/photo-source'
import { SyncClient } from '../../electron/services/sync/sync-client'
import { freePort, startPostgres } from '../support/postgres'
import { cpuSince, cpuSnapshot, postgresPids, processCpuSeconds } from '../support/proc-cpu'

const CASES = Number(process.env.BENCH_CASES ?? 10_000)
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 10_000)
const PHOTO_BYTES = 300 * 1024
// The kiosk's default batch (the protocol's largest); the raw insert uses the same batches.
const BATCH = Number(process.env.BENCH_BATCH ?? 2000)
const CONCURRENCY = 4
const root = path.resolve(__dirname, '../..')
const silent = { info: () => {}, warn: () => {}, error: () => {} }

function waitForHealth(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = () =>
      fetch(`${url}/v1/health`)
        .then((r) => (r.ok ? resolve() : setTimeout(poll, 100)))
        .catch(() => (Date.now() - started > 30_000 ? reject(new Error('central did not start')) : setTimeout(poll, 100)))
    poll()
  })
}

/** The backlog: 10 valid events per case, written straight into the kiosk's log. */
function seedKiosk(dataDir: string): void {
  const store = openStore(dataDir)
  store.settings.set('kiosk.id', 'KBENCH')
  const insert = store.db.prepare('INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const at = new Date().toISOString()
  store.db.transaction(() => {
    for (let c = 0; c < CASES; c++) {
      const caseId = randomUUID()
      const orderNumber = `BM-${40_000_000 + c}`
      const events: [string, unknown][] = [
        ['case.started', { caseNumber: `KBENCH-261122-${c}`, orderNumber, caseType: 'withdrawal', via: 'scan' }],
        ['order.verified', { orderNumber }],
        ...packingItemIds.slice(0, 8).map((item): [string, unknown] => ['packing.item_checked', { item }]),
      ]
      while (events.length < 10) events.push(['packing.item_checked', { item: packingItemIds[0] }])
      events.slice(0, 10).forEach(([type, payload], i) => insert.run(randomUUID(), caseId, i + 1, type, JSON.stringify(payload), 'staff-1', 'KBENCH', at))
    }
  })()
  store.close()
}

function makePhotos(dir: string, events: { id: string; case_id: string }[]): PhotoRef[] {
  mkdirSync(dir, { recursive: true })
  const base = randomBytes(PHOTO_BYTES)
  return events.slice(0, PHOTOS).map((e, i) => {
    base.writeUInt32BE(i, 0) // distinct bytes, distinct hashes
    const sha256 = createHash('sha256').update(base).digest('hex')
    const file = path.join(dir, `${sha256}.jpg`)
    writeFileSync(file, base)
    return { eventId: e.id, caseId: e.case_id, sha256, path: file }
  })
}

/** Rows/s of a plain INSERT of the rows into a table defined as `events` is, `batch` rows a
 * statement, and the CPU seconds PostgreSQL spent on it (read before its backend exits). */
async function rawInsert(
  url: string,
  port: number,
  rows: { id: string; seq: number; case_id: string; case_seq: number; type: string; payload: string; actor: string; at: string }[],
  batch: number,
): Promise<{ rate: number; pgCpu: number }> {
  const db = openDb(url, 1)
  const table = `raw_events_${batch}`
  await db.query(`CREATE TABLE ${table} (LIKE events INCLUDING ALL)`)
  const cpuBefore = cpuSnapshot(postgresPids(port))
  const t = performance.now()
  for (let i = 0; i < rows.length; i += batch) {
    const b = rows.slice(i, i + batch)
    await db.query(
      `INSERT INTO ${table} (id, kiosk_id, counter_id, kiosk_seq, case_id, case_seq, type, payload, actor, at, body_hash)
       SELECT id, 'KBENCH', 'C1', s, c, cs, ty, p, a, at, 'x' FROM unnest($1::text[], $2::bigint[], $3::text[], $4::int[], $5::text[], $6::jsonb[], $7::text[], $8::text[])
         AS t(id, s, c, cs, ty, p, a, at)`,
      [b.map((r) => r.id), b.map((r) => r.seq), b.map((r) => r.case_id), b.map((r) => r.case_seq), b.map((r) => r.type), b.map((r) => r.payload), b.map((r) => r.actor), b.map((r) => r.at)],
    )
  }
  const seconds = (performance.now() - t) / 1000
  const pgCpu = cpuSince(cpuBefore, postgresPids(port))
  await db.end()
  return { rate: rows.length / seconds, pgCpu }
}

/** A bare HTTP server in its own process that writes each body to a file, and 4 uploaders. */
async function rawUpload(photos: PhotoRef[], dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true })
  const port = await freePort()
  const server = spawn(process.execPath, ['-e', `
    const http = require('node:http'), fs = require('node:fs'), path = require('node:path');
    let n = 0;
    http.createServer((req, res) => {
      const out = fs.createWriteStream(path.join(${JSON.stringify(dir)}, String(n++)));
      req.pipe(out).on('finish', () => { res.writeHead(201); res.end() });
    }).listen(${port}, '127.0.0.1', () => process.stdout.write('ready\\n'));`], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise((r) => server.stdout!.once('data', r))
  const t = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < photos.length) {
        const p = photos[next++]!
        const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'PUT', body: readFileSync(p.path) })
        await res.arrayBuffer()
      }
    }),
  )
  const seconds = (performance.now() - t) / 1000
  server.kill()
  return (photos.length * PHOTO_BYTES) / 1e6 / seconds
}

async function main(): Promise<void> {
  const work = path.join(os.tmpdir(), `dropdesk-bench-sync-${process.pid}`)
  mkdirSync(work, { recursive: true })
  const cluster = await startPostgres()
  let central: ChildProcess | undefined
  try {
    const url = await cluster.createDatabase('central')
    const db = openDb(url, 2)
    await migrate(db)
    const port = await freePort()
    central = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'central/server.ts'), '--database-url', url, '--port', String(port), '--photos-dir', path.join(work, 'central-photos')], {
      cwd: root,
      stdio: 'ignore',
      // As `npm run central` starts it: photo fsyncs hold libuv threads (central/README.md).
      env: { ...process.env, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16', TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.node.json') },
    })
    const centralUrl = `http://127.0.0.1:${port}`
    await waitForHealth(centralUrl)

    const dataDir = path.join(work, 'kiosk')
    const t = performance.now()
    seedKiosk(dataDir)
    const store = openStore(dataDir)
    const rows = store.db.prepare('SELECT * FROM events ORDER BY seq').all() as Parameters<typeof rawInsert>[2]
    const started = rows.filter((r) => r.type === 'case.started')
    const photos = makePhotos(path.join(work, 'kiosk-photos'), started)
    // The backlog is on disk before the sync starts: 3 GB of dirty pages being written back
    // would otherwise slow every SQLite commit of the measured run.
    spawnSync('sync')
    console.log(`backlog: ${CASES.toLocaleString('en')} cases, ${rows.length.toLocaleString('en')} events, ${photos.length.toLocaleString('en')} photos of ${PHOTO_BYTES / 1024} KB, prepared in ${((performance.now() - t) / 1000).toFixed(1)} s on ${os.cpus().length} cores`)

    const phases: Record<string, number> = {}
    // CPU seconds of each process over the events phase (kiosk = this process).
    let cpuAtEvents: { kiosk: number; central: number; pg: Map<number, number> } | undefined
    const cpu = { kiosk: 0, central: 0, pg: 0 }
    const onPhase = (phase: string) => {
      if (phase === 'events') cpuAtEvents = { kiosk: process.cpuUsage().user + process.cpuUsage().system, central: processCpuSeconds(central!.pid!), pg: cpuSnapshot(postgresPids(cluster.port)) }
      if (phase === 'photos' && cpuAtEvents) {
        const used = process.cpuUsage()
        cpu.kiosk = (used.user + used.system - cpuAtEvents.kiosk) / 1e6
        cpu.central = processCpuSeconds(central!.pid!) - cpuAtEvents.central
        cpu.pg = cpuSince(cpuAtEvents.pg, postgresPids(cluster.port))
      }
    }
    const client = new SyncClient({
      store,
      kioskId: 'KBENCH',
      timeZone: 'UTC',
      log: silent,
      batchSize: BATCH,
      photoConcurrency: CONCURRENCY,
      retryInBackground: false,
      emit: (name, p) => {
        const phase = (p as { phase: string }).phase
        if (name === 'sync.progress' && phases[phase] === undefined) {
          phases[phase] = performance.now()
          onPhase(phase)
        }
      },
    })
    client.setPhotoSource({ photosFor: (ids) => { const set = new Set(ids); return photos.filter((p) => set.has(p.eventId)) } })
    client.configure({ centralUrl })
    await client.enrol((await createEnrolmentCode(db, 'C1')).code)
    const result = await client.sync('bench')
    const end = performance.now()
    if (result.pendingEvents || result.pendingPhotos || result.lastError) throw new Error(`sync did not drain: ${JSON.stringify(result)}`)
    const eventSeconds = (phases.photos! - phases.events!) / 1000
    const photoSeconds = (phases.manifest! - phases.photos!) / 1000
    const eventsPerSecond = rows.length / eventSeconds
    const photoMBps = (photos.length * PHOTO_BYTES) / 1e6 / photoSeconds
    const stored = await db.query<{ events: number; photos: number }>('SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM photos) AS photos')
    console.log(`sync: ${stored.rows[0]!.events.toLocaleString('en')} events and ${stored.rows[0]!.photos.toLocaleString('en')} photos stored at the centre in ${((end - phases.events!) / 1000).toFixed(1)} s`)

    // The centre's own catch-up (after its quiet time) must be over before the baselines run.
    const caughtUp = performance.now()
    for (;;) {
      const behind = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM kiosks k LEFT JOIN case_projection p USING (kiosk_id) WHERE k.push_seq > COALESCE(p.projected_seq, 0)')
      if (!behind.rows[0]!.n) break
      await new Promise((r) => setTimeout(r, 50))
    }
    const waited = (performance.now() - caughtUp) / 1000
    await db.query('TRUNCATE cases')
    await db.query('UPDATE case_projection SET projected_seq = 0')
    const tp = performance.now()
    await new CaseProjector(db).catchUpAll()
    const projectionSeconds = (performance.now() - tp) / 1000
    const projected = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')

    // The baseline is the faster of the sync's batch size and batches of 1,000, so a larger
    // batch cannot make the ratio look better by slowing the baseline down.
    const rawBatches = [...new Set([BATCH, 1000])]
    const rawRates: number[] = []
    const rawPgCpu: number[] = []
    for (const b of rawBatches) {
      const raw = await rawInsert(url, cluster.port, rows, b)
      rawRates.push(raw.rate)
      rawPgCpu.push(raw.pgCpu)
    }
    const rawEvents = Math.max(...rawRates)
    const rawBatch = rawBatches[rawRates.indexOf(rawEvents)]!
    const rawMBps = await rawUpload(photos, path.join(work, 'raw-upload'))
    console.log(`events: ${Math.round(eventsPerSecond).toLocaleString('en')} events/s through sync (batches of ${BATCH}) vs ${Math.round(rawEvents).toLocaleString('en')} rows/s raw bulk insert (batches of ${rawBatch}; ${rawBatches.map((b, i) => `${b}: ${Math.round(rawRates[i]!).toLocaleString('en')}`).join(', ')} rows/s) = ${((100 * eventsPerSecond) / rawEvents).toFixed(0)}% (target ≥ 50%)`)
    const per1000 = (s: number) => ((1000 * 1000 * s) / rows.length).toFixed(1)
    console.log(`events phase CPU per 1,000 events: kiosk ${per1000(cpu.kiosk)} ms, central ${per1000(cpu.central)} ms, PostgreSQL ${per1000(cpu.pg)} ms (wall ${per1000(eventSeconds)} ms); raw insert: PostgreSQL ${per1000(rawPgCpu[rawRates.indexOf(rawEvents)]!)} ms`)
    console.log(`cases projection (off the push path): ${projected.rows[0]!.n.toLocaleString('en')} cases from ${rows.length.toLocaleString('en')} events in ${projectionSeconds.toFixed(1)} s when run alone (${Math.round(rows.length / projectionSeconds).toLocaleString('en')} events/s); the centre's own catch-up after the drain was over ${waited.toFixed(1)} s after the sync ended`)
    console.log(`photos: ${photoMBps.toFixed(1)} MB/s through sync (PATCH + SHA-256 check + fsync + link) vs ${rawMBps.toFixed(1)} MB/s raw HTTP upload (${CONCURRENCY} at a time) = ${((100 * photoMBps) / rawMBps).toFixed(0)}% (target ≥ 70%)`)
    client.stop()
    store.close()
    await db.end()
  } finally {
    central?.kill()
    cluster.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
