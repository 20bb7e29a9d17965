// A shell reports a process that a signal ended as 128 plus the signal's number.
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const

/**
 * Until the returned function is called, SIGINT (Ctrl-C) and SIGTERM run `cleanUp` and
 * then end the process with 130 or 143, the codes the signal itself would leave. Without
 * a handler such a signal ends Node at once, and no `finally` block runs.
 */
export function cleanUpOnExitSignal(cleanUp: () => void): () => void {
  const handlers = Object.entries(EXIT_CODES).map(([signal, code]) => {
    const handler = () => {
      cleanUp()
      process.exit(code)
    }
    process.once(signal, handler)
    return { signal, handler }
  })

  return () => {
    for (const { signal, handler } of handlers) process.off(signal, handler)
  }
}
