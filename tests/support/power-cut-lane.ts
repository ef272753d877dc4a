// One lane of the power-cut storm: the power-cut simulator mounted for this lane alone, kiosks
// (data dirs) on it one after the other, and on each the built host driven like the SIGKILL
// storm's lane (workers taking intakes over the API socket) until the power is cut: the host
// SIGKILLed after a random number of replies plus 0-30 ms, then, once it is dead, everything
// not fsynced dropped. Now and then a start is cut before it is ready, and every kiosk's very
// first start may be cut (its data dir, key and first supervisor being made). After each cut
// the host starts again and power-cut-checks.ts judges what survived. A loss is recorded and the
// lane goes on with a new kiosk, so a build that loses things is measured, not just failed.
import { fsyncSync, mkdirSync, openSync, closeSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { startHost, type RunningHost } from './host'
import { startThenKill } from './kill-storm-boot'
import { StormLedger } from './kill-storm-ledger'
import { stormOrders, writeOrders } from './kill-storm-orders'
import { connectSocket, type StormSocket } from './kill-storm-socket'
import { runWorker, type StormRun, type WorkerPlace } from './kill-storm-worker'
import { checkAfterCut, checkRecord, checkStartOutput, KioskMemory, printedPin, type Loss } from './power-cut-checks'
import type { PowerCutFs } from './power-cut-fs'
import { seededRandom } from './seeded-random'

export interface PowerCutLaneOptions {
  /** How a failure names this lane (the storm's seed, to replay it). */
  name: string
  fs: PowerCutFs
  /** A folder outside the simulator for the lane's manifest (it must not be cut). */
  workDir: string
  cuts: number
  seed: number
  workers: number
  /** Cut after 0..maxReplies-1 replies. */
  maxReplies: number
  /** Cuts a kiosk gets before the lane moves on to a new one (drawn between the two). */
  kioskCuts: [number, number]
  /** Chance that a kiosk's very first start is cut, drawn again after each such cut. */
  firstStartCutRate: number
  /** Chance that a later start is cut. */
  bootCutRate: number
  /** A control: cut after exactly this many replies (not a random number). */
  repliesPerCut?: number
  /** A control: from the sign-in after this many cuts on, fsync does nothing, so the work is lost. */
  nosyncFrom?: number
  stopped?: () => boolean
}

export type LaneLoss = Loss & { lane: string; cut: number }

export interface PowerCutLaneFigures {
  cuts: number
  /** Cuts with calls in flight, cuts of a start (of a kiosk's first start), before it was ready. */
  cutsMidCall: number
  bootCuts: number
  firstStartCuts: number
  bootCutsBeforeReady: number
  kiosks: number
  intakesStarted: number
  intakesHandedOver: number
  stepsConfirmed: number
  photosConfirmed: number
  unlockPinsConfirmed: number
  signIns: number
  checks: number
  startMs: number[]
  losses: LaneLoss[]
}

interface Kiosk {
  memory: KioskMemory
  ledger: StormLedger
  verifiedFiles: Set<string>
  places: WorkerPlace[]
  takeOrder: () => ReturnType<typeof stormOrders>[number] | undefined
  /** A start has been ready (the manifest is in). */
  ready: boolean
  cutsLeft: number
}

/** Makes the folder as an installer would (its name durable) rather than leaving it to the host. */
function makeDataDirDurably(dataDir: string): void {
  mkdirSync(dataDir, { mode: 0o700 })
  const fd = openSync(path.dirname(dataDir), 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** The socket, noting every unlock PIN sent and the ones confirmed (to open them after a cut). */
function notingPins(socket: StormSocket, memory: KioskMemory): StormSocket {
  return {
    closed: socket.closed,
    close: () => socket.close(),
    call: async <T>(name: string, input: unknown) => {
      const sent = name === 'intake.providePin' ? (input as { caseId: string; pin: string }) : null
      if (sent) memory.pinsSent.set(sent.caseId, (memory.pinsSent.get(sent.caseId) ?? new Set()).add(sent.pin))
      const reply = await socket.call<T>(name, input)
      if (sent && reply.kind === 'ok') memory.pinsConfirmed.set(sent.caseId, sent.pin)
      return reply
    },
  }
}

export async function runPowerCutLane(o: PowerCutLaneOptions): Promise<PowerCutLaneFigures> {
  const plan = seededRandom(o.seed)
  const orders = stormOrders(o.cuts * 2 + 20)
  const manifest = path.join(o.workDir, 'manifest.jsonl')
  writeOrders(manifest, orders)
  const stepRandoms = Array.from({ length: o.workers }, (_, w) => seededRandom(o.seed + 1 + w))
  const f: PowerCutLaneFigures = { cuts: 0, cutsMidCall: 0, bootCuts: 0, firstStartCuts: 0, bootCutsBeforeReady: 0, kiosks: 0, intakesStarted: 0, intakesHandedOver: 0, stepsConfirmed: 0, photosConfirmed: 0, unlockPinsConfirmed: 0, signIns: 0, checks: 0, startMs: [], losses: [] }
  const estimate = { first: 4_000, restart: 2_500 }
  let photo = 0
  let kiosk: Kiosk | null = null
  const lost = (losses: Loss[]) => {
    for (const l of losses) f.losses.push({ ...l, lane: o.name, cut: f.cuts })
    if (losses.length) retire()
    return losses.length > 0
  }
  const retire = () => {
    if (!kiosk) return
    f.intakesStarted += kiosk.ledger.cases.size
    f.stepsConfirmed += kiosk.ledger.confirmed
    f.photosConfirmed += [...kiosk.ledger.photos.values()].reduce((n, s) => n + s.size, 0)
    f.unlockPinsConfirmed += kiosk.memory.pinsConfirmed.size
    kiosk = null
  }
  const newKiosk = (): Kiosk => {
    const dataDir = path.join(o.fs.mountPoint, `kiosk-${f.kiosks++}`)
    // Half the kiosks get a folder made beforehand; the others' the host creates itself.
    if (plan() < 0.5) makeDataDirDurably(dataDir)
    let taken = 0
    const takeOrder = () => orders[taken++]
    const [min, max] = o.kioskCuts
    return { memory: new KioskMemory(dataDir), ledger: new StormLedger(), verifiedFiles: new Set(), places: Array.from({ length: o.workers }, () => ({ order: takeOrder(), caseId: null, proofSha: null })), takeOrder, ready: false, cutsLeft: min + Math.floor(plan() * (max - min + 1)) }
  }
  /** The key the shown PIN goes with, read once the host is dead and before the cut. */
  const rememberKey = (m: KioskMemory) => {
    if (m.shown && !m.key && existsSync(m.keyFile)) m.key = readFileSync(m.keyFile)
  }
  const cutPower = (k: Kiosk) => {
    rememberKey(k.memory)
    o.fs.cut()
    f.cuts++
    k.cutsLeft--
    lost(checkAfterCut(k.memory))
  }
  /** What a start printed: a first-run PIN to remember, or one that should not be there. */
  const noteStart = (k: Kiosk, output: string): boolean => {
    if (lost(checkStartOutput(k.memory, output))) return false
    k.memory.pin ??= printedPin(output)
    return true
  }

  /** Starts the host on the kiosk, checks what survived, signs in. Null when a loss was found. */
  const startAndCheck = async (k: Kiosk): Promise<{ host: RunningHost; socket: StormSocket } | null> => {
    const t = Date.now()
    let host: RunningHost
    try {
      host = await startHost({ dataDir: k.memory.dataDir, ...(k.ready ? {} : { manifest }) })
    } catch (e) {
      lost([{ kind: 'refusedToStart', message: (e as Error).message.split('\n').filter((l) => l.includes('could not start') || l.startsWith('host')).join(' ') }])
      return null
    }
    estimate[k.ready ? 'restart' : 'first'] = Date.now() - t
    f.startMs.push(Date.now() - t)
    k.ready = true
    const killed = async () => {
      await host.kill('SIGKILL')
      return null
    }
    if (!noteStart(k, host.output())) return killed()
    const m = k.memory
    if (!m.pin) {
      lost([{ kind: 'signInRefused', message: 'the host is ready but no first-run supervisor PIN was ever shown: nobody can sign in' }])
      return killed()
    }
    rememberKey(m)
    return { host, socket: notingPins(await connectSocket(host), m) }
  }

  let final = false
  try {
    while (true) {
      if (o.stopped?.()) throw new Error(`${o.name}: stopped after cut ${f.cuts}, another lane failed`)
      final = f.cuts >= o.cuts
      kiosk ??= newKiosk()
      const k: Kiosk = kiosk
      // A cut during a start: a kiosk's very first one (data dir, key, first supervisor), or a restart.
      if (!final && k.cutsLeft > 0 && plan() < (k.ready ? o.bootCutRate : o.firstStartCutRate)) {
        const r = await startThenKill(k.memory.dataDir, plan() * 1.1 * estimate[k.ready ? 'restart' : 'first'], k.ready ? undefined : manifest)
        f.bootCuts++
        if (!k.ready) f.firstStartCuts++
        if (!r.ready) f.bootCutsBeforeReady++
        if (!noteStart(k, r.output)) continue
        cutPower(k)
        continue
      }
      const up = await startAndCheck(k)
      if (!up) continue
      const { host, socket } = up
      const victim = host.process
      const exited = new Promise<void>((resolve) => (victim.exitCode !== null || victim.signalCode !== null ? resolve() : victim.once('exit', () => resolve())))
      const afterReplies = final ? Infinity : (o.repliesPerCut ?? Math.floor(plan() * o.maxReplies))
      const delay = plan() * 30
      const arm = () => setTimeout(() => victim.kill('SIGKILL'), delay)
      let replies = 0
      if (afterReplies === 0) arm()
      // The sign-in runs in the host while the test checks the record (no intake call before).
      const signingIn = socket.call('session.signIn', { pin: k.memory.pin })
      const record = checkRecord(k.memory, k.ledger, k.verifiedFiles)
      f.checks += record.figures?.checks ?? 0
      const signIn = await signingIn
      const losses = [...record.losses]
      if (signIn.kind === 'error') losses.push({ kind: 'signInRefused', message: `the first supervisor's PIN is refused: ${signIn.error.message}` })
      if (signIn.kind === 'ok') {
        f.signIns++
        k.memory.signedIn = true
      }
      if (lost(losses) || final) {
        socket.close()
        await host.kill('SIGKILL')
        if (final) break
        continue
      }
      if (k.cutsLeft <= 0) {
        // Its last cut checked: on to a new kiosk (and its first start).
        socket.close()
        await host.kill('SIGTERM')
        retire()
        continue
      }
      if (o.nosyncFrom === f.cuts) o.fs.setMode('nosync')
      if (signIn.kind === 'ok') {
        const run = (w: number): StormRun => ({
          socket,
          ledger: k.ledger,
          random: stepRandoms[w]!,
          nextPhoto: () => photo++,
          takeOrder: k.takeOrder,
          replied: () => void (++replies === afterReplies && arm()),
          handedOver: () => void f.intakesHandedOver++,
        })
        const ends = await Promise.all(k.places.map((p, w) => runWorker(run(w), p))).catch((e: Error) => {
          throw new Error(`${o.name}, after cut ${f.cuts}: ${e.message}`, { cause: e })
        })
        if (ends.includes('lost')) f.cutsMidCall++
      }
      victim.kill('SIGKILL') // when the orders ran out before the planned cut
      await exited
      await socket.closed
      cutPower(k)
    }
    retire()
    return f
  } finally {
    retire()
  }
}
