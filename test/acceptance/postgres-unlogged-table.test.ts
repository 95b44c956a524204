import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { dropAndRestore } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// A cache or session table made by hand is often UNLOGGED (not written to the WAL: fast, emptied by a crash),
// which no entity declares. A table up drops comes back in down as it was: UNLOGGED still.

@Entity('account')
class Account {
  @PrimaryGeneratedColumn() id: number
}

@Entity('session_cache')
class SessionCache {
  @PrimaryColumn({ type: 'text' }) key: string
  @Column({ type: 'jsonb' }) value: object
}

it('makes an UNLOGGED table that up drops again UNLOGGED in down', async () => {
  const { source } = await dropAndRestore(() => createPostgresDatabase('unlogged'), [Account, SessionCache], [Account], [
    'ALTER TABLE session_cache SET UNLOGGED',
  ], async (restored) => {
    expect(await restored.query(`SELECT relname AS name, relpersistence AS persistence FROM pg_class
      WHERE relname IN ('account', 'session_cache') ORDER BY relname`)).toEqual([
      { name: 'account', persistence: 'p' },
      { name: 'session_cache', persistence: 'u' },
    ])
  })
  expect(source).toContain('CREATE UNLOGGED TABLE "public"."session_cache"')
})
