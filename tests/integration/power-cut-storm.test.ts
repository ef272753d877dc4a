// Power cuts lose nothing: the built browser-mode host runs on the power-cut simulator
// (tools/power-cut-fs: only what was fsynced survives a cut, a name only with its folder's
// fsync) while intakes with photos and unlock PINs run over its API, and the power is cut
// DROPDESK_POWER_CUTS times (default 100): at random replies with calls in flight, during
// restarts, and during kiosks' very first starts (the data dir, the key and the first
// supervisor being made). After every cut the host starts again and nothing anyone was shown is
// gone: every confirmed step, every photo a committed event cites (with its bytes), the data
// dir, the key, the first supervisor's PIN (it signs in; no new first-run PIN), every sealed
// unlock PIN (it opens). The seed is printed; DROPDESK_POWER_CUT_SEED replays a plan
// (DROPDESK_POWER_CUT_LANES: parallel mounts and hosts, default 2).
// Then the same checks are shown to find the losses of a filesystem whose fsync does nothing.
import { describe, expect, it } from 'vitest'
import { runPowerCutStorm, describeStorm } from '../support/power-cut-storm'
import { tempDir } from '../support/temp-dir'

const CUTS = Number(process.env.DROPDESK_POWER_CUTS ?? 100)
const SEED = Number(process.env.DROPDESK_POWER_CUT_SEED ?? Math.floor(Math.random() * 2 ** 31))
const LANES = Number(process.env.DROPDESK_POWER_CUT_LANES ?? 2)

describe('power-cut storm', () => {
  it(`loses nothing over ${CUTS} power cuts during intakes and first starts`, { timeout: 1_800_000 }, async () => {
    const f = await runPowerCutStorm({ root: tempDir(), cuts: CUTS, seed: SEED, lanes: LANES })
    console.log(describeStorm(f))
    expect(f.losses.slice(0, 10).map((l) => `${l.lane}, cut ${l.cut}: ${l.kind}: ${l.message}`)).toEqual([])
    expect(f.cuts).toBe(CUTS)
    expect(f.firstStartCuts).toBeGreaterThan(0)
    expect(f.cutsMidCall).toBeGreaterThanOrEqual(Math.floor(CUTS / 3))
    expect(f.signIns).toBeGreaterThan(0)
    expect(f.photosConfirmed).toBeGreaterThan(0)
    if (CUTS >= 50) expect(f.unlockPinsConfirmed).toBeGreaterThan(0)
  })

  it('its checks find the steps, photos and data dir lost when fsync does nothing', { timeout: 300_000 }, async () => {
    // One kiosk started normally, then fsync stops working right after the sign-in: the 20
    // replies before the cut (a start, identity, condition photos...) are all lost. The next
    // kiosk is made while fsync does nothing: its whole data dir goes at the cut.
    const f = await runPowerCutStorm({
      root: tempDir(),
      cuts: 2,
      seed: SEED,
      lanes: 1,
      lane: { repliesPerCut: 20, nosyncFrom: 0, firstStartCutRate: 0, bootCutRate: 0, kioskCuts: [1, 1] },
    })
    console.log(describeStorm(f))
    const at = (cut: number) => new Set(f.losses.filter((l) => l.cut === cut).map((l) => l.kind))
    expect([...at(1)]).toEqual(expect.arrayContaining(['stepsLost', 'photosMissing']))
    expect([...at(2)]).toContain('dataDirGone')
    expect(f.cutsWithLoss).toBe(2)
  })
})
