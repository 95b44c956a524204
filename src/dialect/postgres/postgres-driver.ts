import type { Client, ClientConfig } from 'pg'
import { requireDriver } from '../require-driver'

/**
 * newPostgresClient makes a pg Client, requiring the driver only now: a command that never connects to
 * PostgreSQL (a SQLite project, `--help`) never loads it.
 */
export function newPostgresClient(config: ClientConfig): Client {
  const pg = requireDriver('pg') as typeof import('pg')
  return new pg.Client(config)
}
