// The SIGKILL storm (issue #7): `kills` kills of the built browser-mode host in the middle of
// intakes, spread over parallel lanes (kill-storm-lane.ts), each its own host and data dir.
// A lane keeps about three quarters of a core busy (a host start-up is one core compiling
// modules, then it waits on sign-in and fsyncs), so three lanes keep a 2-core machine busy
// (measured: 30% less time than two, the same CPU). DROPDESK_STORM_LANES overrides. Every kill
// plan comes from the seed, printed, so a failing storm can be run again with DROPDESK_STORM_SEED.
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { runLane, type LaneFigures } from './kill-storm-lane'

export interface StormOptions {
  /** An empty folder: each lane gets lane-N/data and lane-N/manifest.jsonl in it. */
  root: string
  kills: number
  seed: number
  /** Parallel lanes (default DROPDESK_STORM_LANES or 3). */
  lanes?: number
  /** Concurrent counter screens per lane (default 3). */
  workers?: number
}

export interface StormFigures extends Omit<LaneFigures, 'startMs' | 'final' | 'ledger'> {
  seed: number
  lanes: number
  final: { cases: number; events: number; photoFiles: number }
  /** Host start-up (spawn to "ready"), ms. */
  startMs: { median: number; max: number }
  /** CPU time, s: every host process (reaped children, from /proc) and the test process. */
  cpu: { hosts: number; test: number }
  seconds: number
}

/** CPU seconds of this process's reaped children (cutime + cstime of /proc/self/stat); 0 off Linux. */
export function childrenCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return 0
  }
}

export async function runStorm(o: StormOptions): Promise<StormFigures> {
  const began = Date.now()
  const [hostsBefore, testBefore] = [childrenCpu(), process.cpuUsage()]
  const lanes = Math.max(1, Math.min(o.lanes ?? Number(process.env.DROPDESK_STORM_LANES ?? 3), o.kills))
  // One lane's failure stops the others at their next kill: the test ends with no host left running.
  let failure: { reason: unknown } | null = null
  const settled = await Promise.allSettled(
    Array.from({ length: lanes }, (_, i) => {
      const dir = path.join(o.root, `lane-${i}`)
      mkdirSync(dir, { recursive: true })
      return runLane({
        name: `kill storm DROPDESK_STORM_SEED=${o.seed}, lane ${i}`,
        dataDir: path.join(dir, 'data'),
        manifestFile: path.join(dir, 'manifest.jsonl'),
        kills: Math.floor(o.kills / lanes) + (i < o.kills % lanes ? 1 : 0),
        seed: o.seed + 1000 * i,
        workers: o.workers ?? 3,
        maxReplies: 24,
        bootKillRate: 0.1,
        stopped: () => failure !== null,
      }).catch((e: unknown) => {
        failure ??= { reason: e }
        throw e
      })
    }),
  )
  if (failure) throw (failure as { reason: unknown }).reason
  const figures = settled.map((r) => (r as PromiseFulfilledResult<LaneFigures>).value)
  const sum = (pick: (l: LaneFigures) => number) => figures.reduce((n, l) => n + pick(l), 0)
  const starts = figures.flatMap((l) => l.startMs).sort((a, b) => a - b)
  return {
    seed: o.seed,
    lanes,
    kills: sum((l) => l.kills),
    bootKills: sum((l) => l.bootKills),
    bootKillsBeforeReady: sum((l) => l.bootKillsBeforeReady),
    killsMidCall: sum((l) => l.killsMidCall),
    committedUnanswered: sum((l) => l.committedUnanswered),
    orphansRemoved: sum((l) => l.orphansRemoved),
    intakesStarted: sum((l) => l.intakesStarted),
    intakesHandedOver: sum((l) => l.intakesHandedOver),
    stepsConfirmed: sum((l) => l.stepsConfirmed),
    photosConfirmed: sum((l) => l.photosConfirmed),
    checks: sum((l) => l.checks),
    final: { cases: sum((l) => l.final.cases), events: sum((l) => l.final.events), photoFiles: sum((l) => l.final.photoFiles) },
    phases: { start: sum((l) => l.phases.start), check: sum((l) => l.phases.check), signIn: sum((l) => l.phases.signIn), calls: sum((l) => l.phases.calls) },
    startMs: { median: starts[Math.floor(starts.length / 2)] ?? 0, max: starts[starts.length - 1] ?? 0 },
    cpu: { hosts: childrenCpu() - hostsBefore, test: (process.cpuUsage(testBefore).user + process.cpuUsage(testBefore).system) / 1e6 },
    seconds: (Date.now() - began) / 1000,
  }
}
