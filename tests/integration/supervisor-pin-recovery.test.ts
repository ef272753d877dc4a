// The first supervisor's PIN cannot be lost: every start shows it again until a supervisor has
// signed in (sealed meanwhile, never stored plain), and someone at the machine can give the
// first supervisor a new PIN with `npm run staff:reset-supervisor` (audited), DropDesk stopped.
import BetterSqlite3 from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import net from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createServices } from '../../electron/services'
import { FIRST_RUN_PIN_SETTING } from '../../electron/services/staff/first-run-pin'
import { DB_FILE } from '../../electron/services/store/database'
import { onCleanup, stopAfter } from '../support/cleanup'
import { startHost } from '../support/host'
import { startStaffServices, wrongPin } from '../support/staff-services'
import { tempDir } from '../support/temp-dir'

const root = path.resolve(__dirname, '../..')
const tool = path.join(path.resolve(root, process.env.DROPDESK_OUT_DIR ?? 'out'), 'main/staff-reset-supervisor.js')
const pinLines = (out: string) => [...out.matchAll(/first-run supervisor PIN: (\d{6})\b/g)].map((m) => m[1])
const runTool = (...args: string[]) => spawnSync(process.execPath, [tool, ...args], { encoding: 'utf8' })

function sealedSetting(dataDir: string): string | undefined {
  const db = new BetterSqlite3(path.join(dataDir, DB_FILE), { readonly: true })
  try {
    return (db.prepare('SELECT value FROM settings WHERE key = ?').get(FIRST_RUN_PIN_SETTING) as { value: string } | undefined)?.value
  } finally {
    db.close()
  }
}

describe('first-run supervisor PIN', () => {
  it('is printed again on the next start while nobody signed in, sealed meanwhile; not once a supervisor signed in', async () => {
    const dataDir = path.join(tempDir(), 'data')
    let host = await startHost({ dataDir })
    const [pin] = pinLines(host.output())
    expect(pin).toMatch(/^\d{6}$/)
    await host.kill()

    host = await startHost({ dataDir })
    expect(pinLines(host.output())).toEqual([pin])
    await host.kill()
    const sealed = sealedSetting(dataDir)
    expect(sealed).toBeTruthy()
    expect(sealed).not.toContain(pin)

    // The supervisor signs in once: the sealed PIN is deleted, later starts print none.
    const services = await createServices({ dataDir, transport: 'browser', timeZone: 'Europe/Paris' })
    let closed = false
    onCleanup(() => {
      if (!closed) services.close()
    })
    const session = services.openSession()
    expect(await services.dispatch('session.signIn', { pin }, session)).toMatchObject({ ok: true, value: { signedIn: true } })
    services.close()
    closed = true
    expect(sealedSetting(dataDir)).toBeUndefined()

    host = await startHost({ dataDir })
    expect(pinLines(host.output())).toEqual([])
    await host.kill()
  })

  it('survives a start that printed it and then failed on a busy port', async () => {
    const dataDir = path.join(tempDir(), 'data')
    const busy = net.createServer()
    onCleanup(() => new Promise<void>((resolve) => busy.close(() => resolve())))
    busy.listen(0, '127.0.0.1')
    await once(busy, 'listening')
    const port = (busy.address() as net.AddressInfo).port

    const serve = path.join(path.resolve(root, process.env.DROPDESK_OUT_DIR ?? 'out'), 'main/serve.js')
    const failed = spawn(process.execPath, [serve, '--data-dir', dataDir, '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    stopAfter(failed)
    let out = ''
    failed.stdout.on('data', (d: Buffer) => (out += d.toString()))
    failed.stderr.on('data', (d: Buffer) => (out += d.toString()))
    const [code] = (await once(failed, 'exit')) as [number | null]
    expect(code).not.toBe(0)
    expect(out).toMatch(/EADDRINUSE|in use/i)
    const [pin] = pinLines(out)
    expect(pin).toMatch(/^\d{6}$/)

    const host = await startHost({ dataDir })
    expect(pinLines(host.output())).toEqual([pin])
    await host.kill()
  })
})

describe('npm run staff:reset-supervisor', () => {
  it('gives the first supervisor a new PIN that signs in, recorded as physical access at the machine', async () => {
    const f = await startStaffServices()
    const boss = f.services.openSession()
    expect(await f.call('session.signIn', { pin: f.pin }, boss)).toMatchObject({ ok: true })
    f.services.close()

    const r = runTool('--data-dir', f.dataDir)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const newPin = /New PIN for supervisor "Supervisor": (\d{6})/.exec(r.stdout)?.[1]
    expect(newPin).toMatch(/^\d{6}$/)

    await f.restart()
    expect(f.services.firstRunSupervisorPin).toBeUndefined()
    const fresh = f.services.openSession()
    expect(await f.call('session.signIn', { pin: newPin }, fresh)).toMatchObject({ ok: true, value: { signedIn: true, staff: { role: 'supervisor' } } })
    if (newPin !== f.pin) expect(await f.call('session.signIn', { pin: f.pin }, f.services.openSession())).toMatchObject({ ok: false })
    expect(await f.call('session.signIn', { pin: wrongPin(newPin!) }, f.services.openSession())).toMatchObject({ ok: false })

    const db = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    onCleanup(() => {
      db.close()
    })
    const events = db.prepare("SELECT type, actor FROM staff_events WHERE type = 'staff.supervisor_reset'").all()
    expect(events).toEqual([{ type: 'staff.supervisor_reset', actor: 'physical access at the machine' }])
  })

  it('refuses while DropDesk runs on the folder, and without a data dir (exit 2, saying what to do)', async () => {
    const dataDir = path.join(tempDir(), 'data')
    const host = await startHost({ dataDir })
    const [pin] = pinLines(host.output())
    const refused = runTool('--data-dir', dataDir)
    expect(refused.status).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/DropDesk .*(running|runs)|already/i)
    await host.kill()

    // Nothing changed: the first-run PIN is still the one shown again.
    const again = await startHost({ dataDir })
    expect(pinLines(again.output())).toEqual([pin])
    await again.kill()

    const noDir = runTool()
    expect(noDir.status).toBe(2)
    expect(noDir.stderr).toContain('--data-dir')
    const noDb = runTool('--data-dir', path.join(tempDir(), 'empty'))
    expect(noDb.status).toBe(2)
    expect(noDb.stderr).toContain('No DropDesk database')
  })
})
