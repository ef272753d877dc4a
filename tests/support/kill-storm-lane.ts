// One lane of the SIGKILL storm: the built browser-mode host on its own data dir, a few
// concurrent counter screens (workers) driving intakes over its API socket, and the host
// SIGKILLed after a random number of replies (0 = while the sign-in is in flight) plus 0-30 ms,
// so most kills land with calls in flight; now and then the restart itself is killed too.
// After every restart the data dir is checked (kill-storm-checks.ts) before any intake call.
import { startHost, type RunningHost } from './host'
import { killDuringStart } from './kill-storm-boot'
import { checkAfterRestart, type RestartFigures } from './kill-storm-checks'
import { StormLedger } from './kill-storm-ledger'
import { stormOrders, writeOrders } from './kill-storm-orders'
import { connectSocket } from './kill-storm-socket'
import { runWorker, type StormRun, type WorkerPlace } from './kill-storm-worker'
import { seededRandom } from './seeded-random'

export interface LaneOptions {
  /** How a failure names this lane (the storm's seed, to replay it). */
  name: string
  dataDir: string
  manifestFile: string
  kills: number
  seed: number
  workers: number
  /** Kill after 0..maxReplies-1 replies. */
  maxReplies: number
  /** Chance that a restart is itself killed during start-up. */
  bootKillRate: number
  /** True once another lane failed: stop at the next kill. */
  stopped?: () => boolean
}

export interface LaneFigures {
  kills: number
  /** Restarts killed again during start-up, and how many of those before it was ready. */
  bootKills: number
  bootKillsBeforeReady: number
  killsMidCall: number
  /** Restarts at which a case had steps recorded beyond the last reply the client got. */
  committedUnanswered: number
  /** Photo files the host's start-up removed (captures the kill cut before their commit). */
  orphansRemoved: number
  intakesStarted: number
  intakesHandedOver: number
  stepsConfirmed: number
  photosConfirmed: number
  checks: number
  final: RestartFigures
  startMs: number[]
  phases: Record<'start' | 'check' | 'signIn' | 'calls', number>
  /** What the lane's client saw confirmed (for checking its data dir again). */
  ledger: StormLedger
}

/** What the host's start-up log says it removed (its "orphan photos removed" line). */
function orphansRemoved(output: string): number {
  const line = output.split('\n').find((l) => l.includes('"message":"orphan photos removed"'))
  return line ? Number((JSON.parse(line) as { count: number }).count) : 0
}

export async function runLane(o: LaneOptions): Promise<LaneFigures> {
  const where = (k: number) => `${o.name}, after kill ${k}`
  const plan = seededRandom(o.seed)
  const orders = stormOrders(o.kills * 2 + 20)
  writeOrders(o.manifestFile, orders)
  let taken = 0
  const takeOrder = () => orders[taken++]
  const places: WorkerPlace[] = Array.from({ length: o.workers }, () => ({ order: takeOrder(), caseId: null, proofSha: null }))
  const stepRandoms = places.map((_, w) => seededRandom(o.seed + 1 + w))
  const ledger = new StormLedger()
  const verifiedFiles = new Set<string>()
  const f = { kills: o.kills, bootKills: 0, bootKillsBeforeReady: 0, killsMidCall: 0, committedUnanswered: 0, orphansRemoved: 0, intakesHandedOver: 0, checks: 0, startMs: [] as number[], phases: { start: 0, check: 0, signIn: 0, calls: 0 } }
  let photo = 0
  const timed = async <T>(phase: keyof LaneFigures['phases'], work: () => T | Promise<T>): Promise<T> => {
    const t = Date.now()
    try {
      return await work()
    } finally {
      f.phases[phase] += (Date.now() - t) / 1000
    }
  }
  const start = async (first: boolean): Promise<RunningHost> => {
    const t = Date.now()
    const host = await timed('start', () => startHost({ dataDir: o.dataDir, ...(first ? { manifest: o.manifestFile } : {}) }))
    f.startMs.push(Date.now() - t)
    f.orphansRemoved += orphansRemoved(host.output())
    return host
  }
  const check = (k: number): RestartFigures => {
    try {
      return checkAfterRestart(o.dataDir, ledger, verifiedFiles)
    } catch (e) {
      throw new Error(`${where(k)}: ${(e as Error).message}`, { cause: e })
    }
  }

  let host = await start(true)
  try {
    for (let k = 0; k < o.kills; k++) {
      if (o.stopped?.()) throw new Error(`${o.name}: stopped after kill ${k}, another lane failed`)
      const socket = await connectSocket(host)
      const afterReplies = Math.floor(plan() * o.maxReplies)
      const delay = plan() * 30
      const victim = host.process
      const exited = new Promise<void>((resolve) => (victim.exitCode !== null || victim.signalCode !== null ? resolve() : victim.once('exit', () => resolve())))
      const arm = () => setTimeout(() => victim.kill('SIGKILL'), delay)
      let replies = 0
      if (afterReplies === 0) arm()
      // The sign-in's key derivation runs in the host while the test checks the restart: no
      // intake call goes out before the check is done, so it sees the data dir as restarted.
      const signingIn = socket.call('session.signIn', { pin: host.supervisorPin })
      const restart = await timed('check', () => check(k))
      f.checks += restart.checks
      if (restart.ahead > 0) f.committedUnanswered++
      const signIn = await timed('signIn', () => signingIn)
      if (signIn.kind === 'error') throw new Error(`${where(k)}: sign-in refused: ${signIn.error.message}`)
      if (signIn.kind === 'ok') {
        const run = (w: number): StormRun => ({
          socket,
          ledger,
          random: stepRandoms[w]!,
          nextPhoto: () => photo++,
          takeOrder,
          replied: () => void (++replies === afterReplies && arm()),
          handedOver: () => void f.intakesHandedOver++,
        })
        const ends = await timed('calls', () =>
          Promise.all(places.map((p, w) => runWorker(run(w), p))).catch((e: Error) => {
            throw new Error(`${where(k)}: ${e.message}`, { cause: e })
          }),
        )
        if (ends.includes('lost')) f.killsMidCall++
      }
      victim.kill('SIGKILL') // when the orders ran out before the planned kill
      await exited
      await socket.closed
      if (plan() < o.bootKillRate) {
        f.bootKills++
        // Anywhere in a start-up: spread over the time the last full start took.
        const ready = await timed('start', () => killDuringStart(o.dataDir, plan() * 1.1 * f.startMs[f.startMs.length - 1]!))
        if (!ready) f.bootKillsBeforeReady++
      }
      host = await start(false)
    }
    const final = check(o.kills)
    f.checks += final.checks
    return {
      ...f,
      final,
      ledger,
      intakesStarted: ledger.cases.size,
      stepsConfirmed: ledger.confirmed,
      photosConfirmed: [...ledger.photos.values()].reduce((n, s) => n + s.size, 0),
    }
  } finally {
    await host.kill('SIGTERM')
  }
}
