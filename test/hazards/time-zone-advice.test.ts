import { createConnection } from 'mysql2/promise'
import { Client } from 'pg'
import type { Dialect } from '../../src/dialect/dialect'
import { mysqlDialect } from '../../src/dialect/mysql/mysql-dialect'
import { alter, before, findingsOf, postgresDialect } from './hazard-fixtures'
import { mariadbServer, postgresServer } from '../support/test-database'

// hunt48 on momlingo (MariaDB): a timestamp made datetime(6) advised "SET TIME ZONE 'UTC' first ... or convert
// them by hand with AT TIME ZONE", PostgreSQL's SQL, which MariaDB refuses as a syntax error and has no
// AT TIME ZONE for. The advice is run here, as a user would, on the dialect's own server.

/** zoneAdvice is the advice of the hazard on a column made `to` from `from`, and the statement it says to run first. */
function zoneAdvice(dialect: Dialect, to: { type: string }, from: { type: string }): { advice: string; setUtc: string } {
  const advice = findingsOf(dialect, before(dialect), [alter(dialect, 'age', to, from)])[0]?.advice ?? ''
  const setUtc = /\(([^()]+) first, where they are UTC\)/.exec(advice)?.[1] ?? ''
  return { advice, setUtc }
}

describe('the advice on a type change across time zones runs on the database it is given for', () => {
  it('mariadb: sets the session to UTC and names CONVERT_TZ', async () => {
    const { advice, setUtc } = zoneAdvice(mysqlDialect, { type: 'datetime' }, { type: 'timestamp' })
    expect(advice).toContain('convert them by hand with CONVERT_TZ')
    const connection = await createConnection({ ...mariadbServer, timezone: '+02:00' })
    try {
      await connection.query("SET time_zone = '+02:00'")
      await connection.query(setUtc)
      const [rows] = await connection.query('SELECT @@session.time_zone AS zone, CONVERT_TZ(\'2020-01-01 00:00:00\', \'+00:00\', \'+02:00\') AS shifted')
      expect(rows).toEqual([{ zone: '+00:00', shifted: expect.anything() }])
    } finally {
      await connection.end()
    }
  })

  it('postgres: sets the session to UTC and names AT TIME ZONE', async () => {
    const { advice, setUtc } = zoneAdvice(postgresDialect, { type: 'timestamptz' }, { type: 'timestamp' })
    expect(advice).toContain('convert them by hand with AT TIME ZONE')
    const client = new Client({ ...postgresServer, database: 'postgres' })
    await client.connect()
    try {
      await client.query("SET TIME ZONE 'Europe/Paris'")
      await client.query(setUtc)
      const { rows } = await client.query("SELECT current_setting('TimeZone') AS zone, timestamp '2020-01-01 00:00' AT TIME ZONE 'UTC' AS shifted")
      expect(rows).toEqual([{ zone: 'UTC', shifted: expect.anything() }])
    } finally {
      await client.end()
    }
  })
})
