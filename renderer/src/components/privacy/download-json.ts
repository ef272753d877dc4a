// Hands a JSON document to the browser (or Electron's download handling) as a file the
// supervisor saves where they choose: the same path in browser mode and in the Electron shell.
export function downloadJson(doc: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The download has its own reference by now; the page keeps no copy of the data.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
