// The power-cut storm: `cuts` power cuts spread over parallel lanes (power-cut-lane.ts), each
// with its own simulator mount (a cut drops the whole mount's unsynced state, so lanes cannot
// share one) and its own host. Every plan comes from the seed, printed by the test, so a failing
// storm is run again with DROPDESK_POWER_CUT_SEED.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { childrenCpu } from './kill-storm'
import { LOSS_KINDS, type LossKind } from './power-cut-checks'
import { mountPowerCutFs, type PowerCutMode } from './power-cut-fs'
import { runPowerCutLane, type LaneLoss, type PowerCutLaneFigures, type PowerCutLaneOptions } from './power-cut-lane'

export interface PowerCutStormOptions {
  /** An empty folder: lane-N/mnt (the simulator) and lane-N/manifest.jsonl in it. */
  root: string
  cuts: number
  seed: number
  lanes: number
  mode?: PowerCutMode
  /** Overrides for every lane (a control run's kiosk plan, for instance). */
  lane?: Partial<Pick<PowerCutLaneOptions, 'workers' | 'maxReplies' | 'kioskCuts' | 'firstStartCutRate' | 'bootCutRate' | 'repliesPerCut' | 'nosyncFrom'>>
}

export interface PowerCutStormFigures extends Omit<PowerCutLaneFigures, 'startMs' | 'losses'> {
  seed: number
  lanes: number
  losses: LaneLoss[]
  /** Per kind: the cuts after which it was found, and how many things were lost. */
  lossesByKind: Record<LossKind, { cuts: number; items: number }>
  cutsWithLoss: number
  fsyncs: number
  startMs: { median: number; max: number }
  /** CPU time, s: every host process (reaped children, from /proc) and the test process. */
  cpu: { hosts: number; test: number }
  seconds: number
}

export async function runPowerCutStorm(o: PowerCutStormOptions): Promise<PowerCutStormFigures> {
  const began = Date.now()
  const [hostsBefore, testBefore] = [childrenCpu(), process.cpuUsage()]
  const lanes = Math.max(1, Math.min(o.lanes, o.cuts))
  let failure: { reason: unknown } | null = null
  const fsyncs: number[] = []
  const settled = await Promise.allSettled(
    Array.from({ length: lanes }, async (_, i) => {
      const dir = path.join(o.root, `lane-${i}`)
      mkdirSync(path.join(dir, 'mnt'), { recursive: true })
      const fs = await mountPowerCutFs(path.join(dir, 'mnt'), o.mode ?? 'strict')
      try {
        return await runPowerCutLane({
          name: `power-cut storm DROPDESK_POWER_CUT_SEED=${o.seed}, lane ${i}`,
          fs,
          workDir: dir,
          cuts: Math.floor(o.cuts / lanes) + (i < o.cuts % lanes ? 1 : 0),
          seed: o.seed + 1000 * i,
          workers: 2,
          maxReplies: 16,
          kioskCuts: [6, 14],
          firstStartCutRate: 0.6,
          bootCutRate: 0.08,
          ...o.lane,
          stopped: () => failure !== null,
        })
      } catch (e) {
        failure ??= { reason: e }
        throw e
      } finally {
        fsyncs.push(fs.counters().fsyncs)
        await fs.unmount()
      }
    }),
  )
  if (failure) throw (failure as { reason: unknown }).reason
  const figures = settled.map((r) => (r as PromiseFulfilledResult<PowerCutLaneFigures>).value)
  const sum = (pick: (l: PowerCutLaneFigures) => number) => figures.reduce((n, l) => n + pick(l), 0)
  const starts = figures.flatMap((l) => l.startMs).sort((a, b) => a - b)
  const losses = figures.flatMap((l) => l.losses)
  const lossesByKind = Object.fromEntries(
    LOSS_KINDS.map((kind) => {
      const of = losses.filter((l) => l.kind === kind)
      return [kind, { cuts: new Set(of.map((l) => `${l.lane}#${l.cut}`)).size, items: of.length }]
    }),
  ) as PowerCutStormFigures['lossesByKind']
  return {
    seed: o.seed,
    lanes,
    cuts: sum((l) => l.cuts),
    cutsMidCall: sum((l) => l.cutsMidCall),
    bootCuts: sum((l) => l.bootCuts),
    firstStartCuts: sum((l) => l.firstStartCuts),
    bootCutsBeforeReady: sum((l) => l.bootCutsBeforeReady),
    kiosks: sum((l) => l.kiosks),
    intakesStarted: sum((l) => l.intakesStarted),
    intakesHandedOver: sum((l) => l.intakesHandedOver),
    stepsConfirmed: sum((l) => l.stepsConfirmed),
    photosConfirmed: sum((l) => l.photosConfirmed),
    unlockPinsConfirmed: sum((l) => l.unlockPinsConfirmed),
    signIns: sum((l) => l.signIns),
    checks: sum((l) => l.checks),
    losses,
    lossesByKind,
    cutsWithLoss: new Set(losses.map((l) => `${l.lane}#${l.cut}`)).size,
    fsyncs: fsyncs.reduce((a, b) => a + b, 0),
    startMs: { median: starts[Math.floor(starts.length / 2)] ?? 0, max: starts[starts.length - 1] ?? 0 },
    cpu: { hosts: childrenCpu() - hostsBefore, test: (process.cpuUsage(testBefore).user + process.cpuUsage(testBefore).system) / 1e6 },
    seconds: (Date.now() - began) / 1000,
  }
}

/** One line of figures for the test's output and the README. */
export function describeStorm(f: PowerCutStormFigures): string {
  const kinds = LOSS_KINDS.filter((k) => f.lossesByKind[k].items > 0).map((k) => `${k} ${f.lossesByKind[k].cuts} cuts/${f.lossesByKind[k].items}`)
  return (
    `power-cut storm: ${f.cuts} cuts (${f.cutsMidCall} with calls in flight, ${f.bootCuts} of a start, ${f.firstStartCuts} of a kiosk's very first start, ${f.bootCutsBeforeReady} before ready) over ${f.kiosks} kiosks, ${f.lanes} lanes; ` +
    `${f.intakesStarted} intakes started, ${f.intakesHandedOver} handed over; ${f.stepsConfirmed} steps, ${f.photosConfirmed} photos, ${f.unlockPinsConfirmed} unlock PINs confirmed; ${f.signIns} first-supervisor sign-ins; ${f.fsyncs} fsyncs; ` +
    `${f.checks} record checks; cuts with a loss: ${f.cutsWithLoss}${kinds.length ? ` (${kinds.join(', ')})` : ''}; ` +
    `host start median ${f.startMs.median} ms, max ${f.startMs.max} ms; CPU s: hosts ${f.cpu.hosts.toFixed(1)}, test ${f.cpu.test.toFixed(1)}; ${f.seconds.toFixed(1)} s; seed ${f.seed}`
  )
}
