// The queue's process for the crash test: opens the kiosk store, starts the print worker
// (which first recovers interrupted jobs) and, given a case id, queues that case's label.
// The test kills it with SIGKILL at chosen moments. Usage: print-queue-child.ts DATA_DIR [CASE_ID]
import { openStore } from '../../electron/services/store'
import { printingFor } from './printing-service-fixture'

async function main(): Promise<void> {
  const [dataDir, caseId] = process.argv.slice(2)
  const store = openStore(dataDir!)
  // A long status timeout: a printer that never acknowledges keeps the job in "sent" until the kill.
  const { printing } = printingFor(store, { statusTimeoutMs: 60_000 })
  printing.start()
  if (caseId) {
    const job = await printing.print('caseLabel', { caseId }, 'staff-1')
    console.log(`queued ${job.id}`)
  }
  console.log('running')
  setInterval(() => {}, 1000)
}

void main()
