/** The signals whose default action kills the process: a held one is re-raised once released. */
const heldSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * holdSignals keeps SIGINT, SIGTERM and SIGHUP from killing the process until the returned release is called
 * and the event loop has turned twice; then the first one received, if any, is raised again, so the process
 * dies by it as it would have. Work done synchronously in between is never cut: Node runs a signal's listener
 * only between turns of the event loop. A signal the program already listens to (a scratch database's drop)
 * is left to that listener.
 */
export function holdSignals(): () => void {
  let received: NodeJS.Signals | undefined
  const record = (signal: NodeJS.Signals) => {
    received ??= signal
  }
  const held = heldSignals.filter((signal) => process.listenerCount(signal) === 0)
  for (const signal of held) process.on(signal, record)
  return () => {
    // A signal received during the work reaches its listener in the next loop turn's poll phase, which may
    // come after the first setImmediate (when released from an I/O callback); it always comes before the second.
    setImmediate(() =>
      setImmediate(() => {
        for (const signal of held) process.off(signal, record)
        if (received !== undefined) process.kill(process.pid, received)
      }),
    )
  }
}
