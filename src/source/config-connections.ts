import { DataSource } from 'typeorm'

/**
 * withConfigConnectionsClosed runs `load`, which loads the config module, and returns once each DataSource
 * the config connected as it loaded (`dataSource.initialize()` beside its export, as Maintainerr's does for
 * TypeORM's CLI) has finished connecting and is closed again. The tool connects where and as a command needs,
 * with its own options: a connection the config left open made the runner's fail ("already connected"), and
 * one still opening raced it.
 */
export async function withConfigConnectionsClosed<T>(load: () => Promise<T>): Promise<T> {
  const opened: { readonly dataSource: DataSource; readonly connecting: Promise<unknown> }[] = []
  const initialize = Object.getOwnPropertyDescriptor(DataSource.prototype, 'initialize')!
  Object.defineProperty(DataSource.prototype, 'initialize', {
    ...initialize,
    value: function initializeFromConfig(this: DataSource) {
      const connecting = (initialize.value as () => Promise<DataSource>).call(this)
      opened.push({ dataSource: this, connecting })
      return connecting
    },
  })
  try {
    return await load()
  } finally {
    Object.defineProperty(DataSource.prototype, 'initialize', initialize)
    for (const { dataSource, connecting } of opened) {
      // The config reports its own failure to connect (its catch); the command's connection reports it again.
      await connecting.catch(() => undefined)
      if (dataSource.isInitialized) await dataSource.destroy()
    }
  }
}
