import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// On PostgreSQL a column may name an enum type another column declares (`enumName` without `enum`); MySQL has no
// named enums, and TypeORM wrote `enum()`, which the server refuses (TypeORM bug report 7541). The column takes
// the values of the column that declares that name with them.

enum StandardSetType {
  AcademicStandard = 'AcademicStandard',
  FoundationalKnowledge = 'FoundationalKnowledge',
}

@Entity('standard_set')
class StandardSet {
  @PrimaryGeneratedColumn() id: number
  @Column('enum', { enum: StandardSetType, enumName: 'StandardSetType' }) type: StandardSetType
}

@Entity('standard_copy')
class StandardCopy {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enumName: 'StandardSetType' }) type: StandardSetType
}

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('sharedenum')
})
afterAll(async () => db?.drop())

it('gives a column that names an enum declared elsewhere its values, and finds nothing to change after', async () => {
  const { source } = await migrateTo(db, [StandardSet, StandardCopy], 'Init')
  expect(source.replaceAll('\\`', '`')).toMatch(/CREATE TABLE IF NOT EXISTS `standard_copy` \([\s\S]*`type` enum\('AcademicStandard','FoundationalKnowledge'\) NOT NULL/)
  expect(await pendingChanges(db, [StandardSet, StandardCopy])).toEqual([])
})
