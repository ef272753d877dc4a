// CPU time of processes from /proc (Linux): a benchmark reads it before and after a phase to
// say which process spent the time (the kiosk, the central service, PostgreSQL).
import { readdirSync, readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ: 100 on every Linux this runs on

/** utime + stime of one process, in seconds; 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
  } catch {
    return 0
  }
}

/** The PostgreSQL server listening on `port` and its backends, helpers and writers. */
export function postgresPids(port: number): number[] {
  const procs = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
        return { pid: Number(d), ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]), cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8') }
      } catch {
        return null
      }
    })
    .filter((p) => p !== null)
  const server = procs.find((p) => p.cmd.includes('postgres') && p.cmd.split('\0').join(' ').includes(` -p ${port} `))
  return server ? [server.pid, ...procs.filter((p) => p.ppid === server.pid).map((p) => p.pid)] : []
}

/** CPU seconds of each pid, to subtract from a later reading (pids new by then count from 0). */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, processCpuSeconds(pid)]))
}

export function cpuSince(before: Map<number, number>, pids: number[]): number {
  return pids.reduce((sum, pid) => sum + processCpuSeconds(pid) - (before.get(pid) ?? 0), 0)
}
