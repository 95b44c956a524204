import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// A database that older TypeORM versions or hand-written DDL made (Symbiota2's, built by its own migrations)
// orders the columns of a key another way than the entities do, with the same meaning: a foreign key pairing the
// same columns in another order, a primary key of the same columns in another order (which the diff leaves as it
// is). Neither is a change: no foreign key dropped and added again (a copy of the table), no index added for a
// foreign key that the primary key, in the order it keeps, serves.

@Entity('checklist_taxon')
class ChecklistTaxon {
  @PrimaryColumn() clid: number
  @PrimaryColumn() tid: number
}

@Entity('coordinate')
@Index(['clid', 'tid'])
class Coordinate {
  @PrimaryGeneratedColumn() id: number
  @Column() clid: number
  @Column() tid: number
  @ManyToOne(() => ChecklistTaxon)
  @JoinColumn([{ name: 'clid', referencedColumnName: 'clid' }, { name: 'tid', referencedColumnName: 'tid' }])
  link: ChecklistTaxon
}

// TypeORM 1.x orders a foreign key's pairs as the referenced entity declares its columns, whatever the order of
// the join columns; older versions took the join columns' order.
@Entity('checklist_taxon')
class ChecklistTaxonTidFirst {
  @PrimaryColumn() tid: number
  @PrimaryColumn() clid: number
}

@Entity('coordinate')
@Index(['clid', 'tid'])
class CoordinateOfTidFirst {
  @PrimaryGeneratedColumn() id: number
  @Column() clid: number
  @Column() tid: number
  @ManyToOne(() => ChecklistTaxonTidFirst)
  @JoinColumn([{ name: 'clid', referencedColumnName: 'clid' }, { name: 'tid', referencedColumnName: 'tid' }])
  link: ChecklistTaxonTidFirst
}

@Entity('occurrence')
class Occurrence {
  @PrimaryGeneratedColumn() id: number
}

@Entity('voucher')
class Voucher {
  @PrimaryColumn() clid: number
  @PrimaryColumn() occid: number
  @ManyToOne(() => Occurrence) @JoinColumn({ name: 'occid' }) occurrence: Occurrence
}

const entities = [ChecklistTaxon, Coordinate, Occurrence, Voucher]

interface KeyColumn { readonly name: string; readonly column: string; readonly referenced: string }

const foreignKeyOf = async (db: TestDatabase, table: string) => {
  const rows = await db.query<KeyColumn>(`SELECT CONSTRAINT_NAME AS name, COLUMN_NAME AS \`column\`, REFERENCED_COLUMN_NAME AS referenced
    FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${table}' AND REFERENCED_TABLE_NAME IS NOT NULL
    ORDER BY ORDINAL_POSITION`)
  return { name: rows[0].name, columns: rows.map((r) => r.column), referenced: rows.map((r) => r.referenced) }
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('key_order')
  await migrateTo(db, entities, 'Init')
})
afterAll(async () => db?.drop())

it('takes a foreign key whose column pairs the database orders another way as it is', async () => {
  expect(await foreignKeyOf(db, 'coordinate')).toMatchObject({ columns: ['clid', 'tid'], referenced: ['clid', 'tid'] })
  expect(await pendingChanges(db, [ChecklistTaxonTidFirst, CoordinateOfTidFirst, Occurrence, Voucher])).toEqual([])
})

it("needs no index of a foreign key's own that the primary key serves in the order the database keeps", async () => {
  const fk = await foreignKeyOf(db, 'voucher')
  await db.query('ALTER TABLE voucher DROP PRIMARY KEY, ADD PRIMARY KEY (occid, clid)')
  await db.query(`ALTER TABLE voucher DROP INDEX ${fk.name}`)
  expect(await pendingChanges(db, entities)).toEqual([])
})
