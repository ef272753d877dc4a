// Which process listens on a TCP port, to name it when browser mode's port is taken. Linux
// only (/proc: the socket's inode in /proc/net/tcp*, then the process holding that inode);
// elsewhere, or when /proc cannot tell, the message names the command that can.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

export interface PortOwner {
  pid: number
  command: string
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>()
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string
    try {
      text = readFileSync(table, 'utf8')
    } catch {
      continue
    }
    for (const row of text.split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/)
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is column 10.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9])
    }
  }
  return inodes
}

export function findPortOwner(port: number): PortOwner | null {
  if (process.platform !== 'linux') return null
  const inodes = listeningInodes(port)
  if (!inodes.size) return null
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return null
  }
  for (const pid of pids) {
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${pid}/fd`)
    } catch {
      continue // another user's process: not ours to read
    }
    for (const fd of fds) {
      let target: string
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`)
      } catch {
        continue
      }
      const m = /^socket:\[(\d+)\]$/.exec(target)
      if (m && inodes.has(m[1]!)) {
        let command = ''
        try {
          command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ')
        } catch {
          // gone meanwhile
        }
        return { pid: Number(pid), command: command.slice(0, 160) }
      }
    }
  }
  return null
}

/** The sentence for EADDRINUSE: which port, which process if known, and --port. */
export function portInUseMessage(host: string, port: number, owner: PortOwner | null = findPortOwner(port)): string {
  const by = owner ? `by pid ${owner.pid} (${owner.command || 'command unknown'})` : `by another program (see which one with: ss -ltnp 'sport = :${port}', or lsof -i :${port})`
  return `Port ${port} on ${host} is already in use ${by}. Stop that program, or choose another with --port: npm run serve -- --port ${port + 1} (or --port 0 for any free port).`
}
