// `npm run central -- [command] --database-url URL [options]`
//   (serve, the default)  --port N [--host 127.0.0.1] [--photos-dir DIR] [--operator-token T]
//                         [--manifest FILE --counter ID [--replace]]
//   create-code --counter ID [--ttl-hours N]     prints a one-time enrolment code
//   revoke --kiosk ID                            revokes a kiosk's token
//   load-manifest FILE --counter ID [--replace]  loads a .jsonl manifest for a counter
//   migrate                                      applies the migrations and exits
// DATABASE_URL and CENTRAL_OPERATOR_TOKEN may replace the flags. Migrations run at every start.
import path from 'node:path'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { buildCentral } from './app'
import { createEnrolmentCode, revokeKiosk } from './auth'
import { CaseProjector } from './case-projector'
import { migrate, openDb } from './db'
import { loadManifestFile } from './manifest-store'
import { DiskPhotoStorage } from './photo-storage'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'database-url': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'photos-dir': { type: 'string' },
    'operator-token': { type: 'string' },
    manifest: { type: 'string' },
    counter: { type: 'string' },
    replace: { type: 'boolean' },
    kiosk: { type: 'string' },
    'ttl-hours': { type: 'string' },
  },
})

function need(value: string | undefined, what: string): string {
  if (!value) {
    console.error(`central: ${what} is required (see central/README.md)`)
    process.exit(2)
  }
  return value
}

async function main(): Promise<void> {
  const log = pino({ name: 'central' })
  const command = positionals[0] ?? 'serve'
  const db = openDb(need(values['database-url'] ?? process.env.DATABASE_URL, '--database-url'))
  const applied = await migrate(db)
  if (applied.length) log.info({ applied }, 'migrations applied')

  if (command === 'migrate') return db.end()
  if (command === 'create-code') {
    const { code, expiresAt } = await createEnrolmentCode(db, need(values.counter, '--counter'), Number(values['ttl-hours'] ?? 72))
    console.log(`enrolment code for counter ${values.counter}: ${code} (valid until ${expiresAt}, once)`)
    return db.end()
  }
  if (command === 'revoke') {
    const done = await revokeKiosk(db, need(values.kiosk, '--kiosk'))
    console.log(done ? `kiosk ${values.kiosk} revoked` : `no active kiosk ${values.kiosk}`)
    await db.end()
    process.exitCode = done ? 0 : 1
    return
  }
  if (command === 'load-manifest') {
    const report = await loadManifestFile(db, need(values.counter, '--counter'), need(positionals[1], 'the manifest file'), !!values.replace)
    console.log(JSON.stringify({ ...report, rejected: report.rejected.slice(0, 20), rejectedCount: report.rejected.length }))
    return db.end()
  }
  if (command !== 'serve') {
    console.error(`central: unknown command "${command}"`)
    process.exit(2)
  }

  if (values.manifest) {
    const report = await loadManifestFile(db, need(values.counter, '--counter (with --manifest)'), values.manifest, !!values.replace)
    log.info({ upserted: report.upserted, removed: report.removed, rejected: report.rejected.length }, 'manifest loaded')
  }
  const caughtUp = await new CaseProjector(db).catchUpAll()
  if (caughtUp) log.info({ kiosks: caughtUp }, 'cases projection caught up')
  const photos = new DiskPhotoStorage(path.resolve(values['photos-dir'] ?? 'central-photos'))
  const app = buildCentral({ db, photos, logger: log, operatorToken: values['operator-token'] ?? process.env.CENTRAL_OPERATOR_TOKEN })
  const address = await app.listen({ port: Number(need(values.port, '--port')), host: values.host ?? '127.0.0.1' })
  log.info({ address }, 'central listening')
  const stop = () => void app.close().then(() => db.end()).then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(`central: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
