// Once per `vitest run` (vitest.config.ts globalSetup). Every test's temp folders go under one
// folder of this run (TMPDIR), so that what a run leaves behind is found, named and removed
// without mistaking another run's folders for ours; a host process still running at the end
// (its command line names that folder) is reported and stopped. Either fails the run.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

function leftoverProcesses(runDir: string): { pid: number; command: string }[] {
  if (process.platform !== 'linux') return []
  const found: { pid: number; command: string }[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim()
      if (command.includes(runDir)) found.push({ pid: Number(entry), command: command.slice(0, 200) })
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return found
}

export default function setup(): () => void {
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-test-run-'))
  // Like /tmp itself: PostgreSQL's initdb runs as its own user and must reach its folder here.
  chmodSync(runDir, 0o1777)
  const previousTmp = process.env.TMPDIR
  process.env.TMPDIR = runDir
  // Service logs are held and printed only for a failing test (tests/support/vitest-setup.ts).
  process.env.DROPDESK_LOG_CONSOLE ??= 'held'
  return () => {
    if (previousTmp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previousTmp
    const processes = leftoverProcesses(runDir)
    for (const p of processes) {
      try {
        process.kill(p.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    const folders = readdirSync(runDir).filter((name) => name.startsWith('dropdesk-'))
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 })
    const problems = [
      ...processes.map((p) => `process ${p.pid} still running: ${p.command}`),
      ...(folders.length ? [`${folders.length} temp folders left behind: ${folders.slice(0, 10).join(', ')}${folders.length > 10 ? ' …' : ''}`] : []),
    ]
    if (problems.length) throw new Error(`The tests did not clean up after themselves (all removed now):\n  ${problems.join('\n  ')}`)
  }
}
