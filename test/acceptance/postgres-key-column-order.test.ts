import { Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// TypeORM 1.x orders a foreign key's column pairs as the referenced entity declares its columns; older versions,
// and hand-written DDL, took the join columns' order. On PostgreSQL as on MySQL, the same pairs in another order
// are the same key: nothing to drop and add again.

@Entity('checklist_taxon')
class ChecklistTaxon {
  @PrimaryColumn() clid: number
  @PrimaryColumn() tid: number
}

@Entity('coordinate')
class Coordinate {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => ChecklistTaxon)
  @JoinColumn([{ name: 'clid', referencedColumnName: 'clid' }, { name: 'tid', referencedColumnName: 'tid' }])
  link: ChecklistTaxon
}

@Entity('checklist_taxon')
class ChecklistTaxonTidFirst {
  @PrimaryColumn() tid: number
  @PrimaryColumn() clid: number
}

@Entity('coordinate')
class CoordinateOfTidFirst {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => ChecklistTaxonTidFirst)
  @JoinColumn([{ name: 'clid', referencedColumnName: 'clid' }, { name: 'tid', referencedColumnName: 'tid' }])
  link: ChecklistTaxonTidFirst
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('key_order')
  await migrateTo(db, [ChecklistTaxon, Coordinate], 'Init')
})
afterAll(async () => db?.drop())

it('takes a foreign key whose column pairs the database orders another way as it is', async () => {
  const [key] = await db.query<{ columns: string }>(`SELECT pg_get_constraintdef(oid) AS columns FROM pg_constraint WHERE conrelid = 'coordinate'::regclass AND contype = 'f'`)
  expect(key.columns).toMatch(/^FOREIGN KEY \(clid, tid\) REFERENCES checklist_taxon\(clid, tid\)/)
  expect(await pendingChanges(db, [ChecklistTaxonTidFirst, CoordinateOfTidFirst])).toEqual([])
})

it('still changes a key whose pairs differ', async () => {
  await db.query(`ALTER TABLE coordinate DROP CONSTRAINT "${(await db.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE conrelid = 'coordinate'::regclass AND contype = 'f'`))[0].conname}"`)
  await db.query('ALTER TABLE coordinate ADD CONSTRAINT swapped FOREIGN KEY (clid, tid) REFERENCES checklist_taxon (tid, clid)')
  expect((await pendingChanges(db, [ChecklistTaxon, Coordinate])).map((op) => op.kind)).toEqual(['drop_foreign_key', 'add_foreign_key'])
})
