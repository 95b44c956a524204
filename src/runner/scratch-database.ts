import type { DataSource, DataSourceOptions } from 'typeorm'
import type { DatabaseConnection, ScratchDatabase } from '../dialect/dialect'
import { dialectFor } from '../dialect/dialect-for'
import type { LoadedProject } from '../source/load-config'
import { openForMigrations } from './migration-runner'

/** ScratchProject is the project pointed at a scratch database, its DataSource connected for TypeORM's runner. */
export interface ScratchProject {
  /** The project, its DataSource (`dataSource`) a copy of the project's pointed at the scratch database. */
  readonly project: LoadedProject
  readonly dataSource: DataSource
  readonly scratch: ScratchDatabase
  /** connect opens a connection that reads the scratch database as it stands. */
  connect(): Promise<DatabaseConnection>
}

const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const

/**
 * withScratchDatabase runs `work` on a scratch database made for the project's DataSource (on the server
 * `shadowUrl` names, when given) and always drops it: when `work` ends or fails, and on SIGINT or SIGTERM
 * while it exists, after which the process exits 130 or 143. A signal drops the database under `work`, which
 * then fails on it: `work` only reads, and its caller reports and writes once it returns, which it never does then.
 */
export async function withScratchDatabase<T>(project: LoadedProject, shadowUrl: string | undefined, work: (scratch: ScratchProject) => Promise<T>): Promise<T> {
  const scratch = await dialectFor(project.dataSource.options).createScratchDatabase(project.dataSource.options, shadowUrl)
  const signals = dropOnSignal(scratch)
  try {
    // The project's own DataSource class: its typeorm may be another copy than this package's.
    const DataSourceClass = project.dataSource.constructor as new (options: DataSourceOptions) => DataSource
    const scratchProject = { ...project, dataSource: new DataSourceClass(scratch.options) }
    const dataSource = await openForMigrations(scratchProject)
    try {
      return await work({ project: scratchProject, dataSource, scratch, connect: () => scratch.connect(dataSource) })
    } finally {
      await dataSource.destroy()
    }
  } finally {
    await scratch.drop().finally(() => signals.remove())
  }
}

/** dropOnSignal drops the scratch database on SIGINT or SIGTERM, then exits with the signal's code. */
function dropOnSignal(scratch: ScratchDatabase): { remove(): void } {
  let received: keyof typeof signalExitCodes | undefined
  const exit = () => process.exit(signalExitCodes[received!])
  const handler = (signal: keyof typeof signalExitCodes) => {
    received ??= signal
    void scratch.drop().catch(() => undefined).finally(exit)
  }
  for (const signal of Object.keys(signalExitCodes)) process.once(signal, handler)
  return {
    remove() {
      for (const signal of Object.keys(signalExitCodes)) process.off(signal, handler)
      // `work` may end (failing) before the handler's drop: the exit code is still the signal's.
      if (received !== undefined) exit()
    },
  }
}
