import { DataSource } from 'typeorm'
import { createPostgresScratchDatabase } from '../../../src/dialect/postgres/postgres-scratch-database'

// The runner destroys its DataSource on the scratch database, then drops it. pg's pool says it has ended as soon
// as it has asked its connections to close, before the server has seen them go: a DROP DATABASE ... WITH (FORCE)
// sent then terminated them, and the pool reported it as an error, which TypeORM logs as a warning ("Postgres pool
// raised an error. error: terminating connection due to administrator command") in about half the runs of
// check --from-migrations of a project logging warnings (connext/indra's node).

const target = { type: 'postgres', host: '127.0.0.1', port: 5432, username: 'postgres', database: 'autogen_scratch_drop' } as const

it('drops the scratch database without cutting the connections a destroyed DataSource is closing', async () => {
  const poolErrors: string[] = []
  for (let round = 0; round < 5; round++) {
    const scratch = await createPostgresScratchDatabase(target)
    const dataSource = new DataSource({ ...scratch.options, poolErrorHandler: (err: Error) => poolErrors.push(err.message) } as never)
    await dataSource.initialize()
    // Several connections in the pool, idle once their queries are done, as a migration run leaves it.
    await Promise.all(Array.from({ length: 6 }, () => dataSource.query('SELECT pg_sleep(0.02)')))
    await dataSource.destroy()
    await scratch.drop()
  }
  // Errors come on the sockets' next events: give them the time to arrive.
  await new Promise((done) => setTimeout(done, 200))
  expect(poolErrors).toEqual([])
})
