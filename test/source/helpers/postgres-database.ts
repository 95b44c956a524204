import { Client } from 'pg'

const server = { host: '127.0.0.1', port: 5432, user: 'postgres' }

/** ScratchDatabase is a PostgreSQL database made for one test file. */
export interface ScratchDatabase {
  readonly name: string
  /** DataSource options that reach it. */
  readonly options: { type: 'postgres'; host: string; port: number; username: string; database: string }
  query<Row = Record<string, unknown>>(sql: string): Promise<Row[]>
  drop(): Promise<void>
}

/** createScratchDatabase creates `autogen_<purpose>_<random>` on the local server. */
export async function createScratchDatabase(purpose: string): Promise<ScratchDatabase> {
  const name = `autogen_${purpose}_${Math.random().toString(36).slice(2, 10)}`
  await run('postgres', `CREATE DATABASE "${name}"`)
  return {
    name,
    options: { type: 'postgres', host: server.host, port: server.port, username: server.user, database: name },
    query: <Row>(sql: string) => run<Row>(name, sql),
    drop: async () => {
      await run('postgres', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    },
  }
}

async function run<Row>(database: string, sql: string): Promise<Row[]> {
  const client = new Client({ ...server, database })
  await client.connect()
  try {
    return (await client.query(sql)).rows as Row[]
  } finally {
    await client.end()
  }
}
