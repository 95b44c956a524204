import { compareProject } from '../../src/pipeline/compare-project'
import { namedPlan } from '../../src/plan/migration-plan'
import { renderReport } from '../../src/render/report'
import { migrateTo, projectFor, synchronizeWithTypeorm } from '../support/migration-cycle'
import { type TestDatabase, allDialects } from '../support/test-database'
import * as e from './declaration-entities'

// A table declared by an @Entity and by a @JoinTable (or by two @JoinTables): agreeing declarations are
// merged (two @JoinTables keying it in another column order agree); disagreeing ones give one
// DECLARATION_CONFLICT naming both, every difference and what breaks.

describe.each(allDialects('decls'))('%s: a table declared twice', (_label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
  })
  afterAll(async () => db?.drop())

  it('follows the @Entity, and reports how the @JoinTable of Product.channels disagrees, in diff and JSON', async () => {
    const comparison = await compareProject(projectFor(db, [e.Channel, e.Product, e.ProductChannel]))
    const junction = comparison.desired.tables.find((t) => t.name === 'product_channels_channel')!
    expect(junction.columns.map((c) => c.name)).toEqual(['id', 'productId', 'channelId', 'position'])
    const conflicts = comparison.hazards.filter((h) => h.code === 'DECLARATION_CONFLICT')
    expect(conflicts).toHaveLength(1)
    const { message, severity } = conflicts[0]!
    expect(severity).toBe('danger')
    for (const part of [
      '"product_channels_channel" is declared by @Entity ProductChannel and by @JoinTable of Product.channels, differently',
      'column id only in @Entity ProductChannel',
      'column position only in @Entity ProductChannel',
      'primary key (id) in @Entity ProductChannel but (productId, channelId) in @JoinTable of Product.channels',
      'foreign key (productId) -> product(id) ON DELETE CASCADE only in @JoinTable of Product.channels',
      'only in @JoinTable of Product.channels',
      'the diff follows @Entity ProductChannel and ignores @JoinTable of Product.channels',
      'writes through Product.channels fail, because id is NOT NULL with no default',
      'Product.channels may store the same (productId, channelId) twice',
    ]) expect(message).toContain(part)
    expect(message).not.toMatch(/[\r\n]/)

    const json = JSON.parse(renderReport(namedPlan(comparison, 'Pending', 0), 'json'))
    const reported = json.hazards.find((h: { code: string }) => h.code === 'DECLARATION_CONFLICT')
    expect(reported).toEqual({ code: 'DECLARATION_CONFLICT', severity: 'danger', message })
    expect(renderReport(namedPlan(comparison, 'Pending', 0), 'text')).toContain(`- DECLARATION_CONFLICT (danger): ${message.slice(0, 60)}`)
  })

  it('keeps reporting the conflict once the database matches the followed declaration, and writes it into the migration', async () => {
    const migrated = await migrateTo(db, [e.Channel, e.Product, e.ProductChannel], 'Init')
    expect(migrated.source).toMatch(/async up\(queryRunner: QueryRunner\): Promise<void> \{\n\s+\/\/ hazard DECLARATION_CONFLICT \(danger\): "product_channels_channel"/)
    const again = await compareProject(projectFor(db, [e.Channel, e.Product, e.ProductChannel]))
    expect(again.up).toEqual([])
    expect(again.hazards.map((h) => h.code)).toEqual(['DECLARATION_CONFLICT'])
  })

  it('merges an @Entity that declares the junction as TypeORM derives it: no conflict, the junction keys and indexes kept', async () => {
    const comparison = await compareProject(projectFor(db, [e.Channel, e.Product, e.AgreeingProductChannel]))
    expect(comparison.hazards.filter((h) => h.code === 'DECLARATION_CONFLICT')).toEqual([])
    const junction = comparison.desired.tables.find((t) => t.name === 'product_channels_channel')!
    expect(junction.primaryKey?.columns).toEqual(['productId', 'channelId'])
    expect(junction.foreignKeys.map((fk) => fk.referencedTable).sort()).toEqual(['channel', 'product'])
    expect(junction.indexes).toHaveLength(2)
  })

  it('merges two @JoinTables of one table that key it in another order, following the first loaded, as TypeORM does', async () => {
    // TypeORM reads its metadata in the order the classes were decorated (Shop's file part first), whatever the list's order.
    for (const [entities, key] of [[[e.Shop, e.Outlet], ['shopId', 'outletId']], [[e.Outlet, e.Shop], ['shopId', 'outletId']]] as const) {
      const comparison = await compareProject(projectFor(db, [...entities]))
      expect(comparison.hazards.filter((h) => h.code === 'DECLARATION_CONFLICT')).toEqual([])
      const junction = comparison.desired.tables.find((t) => t.name === 'shop_outlet')!
      // The first @JoinTable TypeORM reads lists its own join column first; its schema builder creates the table from it.
      expect(junction.primaryKey?.columns).toEqual(key)
      expect(junction.foreignKeys.map((fk) => fk.referencedTable).sort()).toEqual(['outlet', 'shop'])
      await synchronizeWithTypeorm(db, [...entities])
      const synchronized = await compareProject(projectFor(db, [...entities]))
      // The database holds the tables of the tests before too: only these three count.
      const ours = (found: readonly unknown[]) => found.filter((item) => /"(shop|outlet|shop_outlet)"/.test(JSON.stringify(item)))
      expect({ up: ours(synchronized.up), warnings: ours(synchronized.warnings) }).toEqual({ up: [], warnings: [] })
      for (const table of ['shop_outlet', 'shop', 'outlet']) await db.query(`DROP TABLE ${table}`)
    }
  })
})
