import { DataSource, DefaultNamingStrategy, Entity, PrimaryColumn, PrimaryGeneratedColumn, Table } from 'typeorm'
import { buildEntityMetadata } from '../../src/source/build-metadata'
import { readEntities } from '../../src/source/entity-metadata'

// A primary key is named as TypeORM's query runners name it: the naming strategy asked with Table.create of the
// metadata. Where the strategy is TypeORM's default, it is asked with a Table of the name alone, which must give
// the same names; a strategy of its own is still given the whole table.

@Entity('plain')
class Plain {
  @PrimaryGeneratedColumn() id: number
}

@Entity('ledger', { schema: 'billing' })
class Ledger {
  @PrimaryColumn() year: number
  @PrimaryColumn() code: string
}

@Entity('shared', { schema: 'public' })
class InDefaultSchema {
  @PrimaryColumn() key: string
}

class ByColumnCount extends DefaultNamingStrategy {
  primaryKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return typeof tableOrName === 'string' ? 'PK_string' : `PK_${tableOrName.name.replace('.', '_')}_${tableOrName.columns.length}_${columnNames.join('_')}`
  }
}

// A host that does not resolve: building metadata never connects.
const dataSourceOf = (extra: object) => new DataSource({
  type: 'postgres', host: 'no-such-host.invalid', port: 1, entities: [Plain, Ledger, InDefaultSchema], ...extra,
})

async function primaryKeys(dataSource: DataSource): Promise<Record<string, string | undefined>> {
  const { model } = await readEntities(dataSource)
  return Object.fromEntries(model.tables.map((t) => [`${t.schema ?? ''}.${t.name}`, t.primaryKey?.name]))
}

async function typeormNames(dataSource: DataSource): Promise<Record<string, string>> {
  const metadatas = await buildEntityMetadata(dataSource)
  return Object.fromEntries(metadatas.map((m) => [
    `${m.schema ?? ''}.${m.tableName}`,
    dataSource.namingStrategy.primaryKeyName(Table.create(m, dataSource.driver), m.primaryColumns.map((c) => c.databaseName)),
  ]))
}

test.each([
  ['no schema option', {}],
  ['the DataSource schema billing', { schema: 'billing' }],
])('TypeORM\'s default strategy gives the names Table.create gives (%s)', async (_, extra) => {
  expect(await primaryKeys(dataSourceOf(extra))).toEqual(await typeormNames(dataSourceOf(extra)))
})

test('a strategy of its own is asked with the whole table', async () => {
  const names = await primaryKeys(dataSourceOf({ namingStrategy: new ByColumnCount() }))
  expect(names).toEqual({ '.plain': 'PK_plain_1_id', 'billing.ledger': 'PK_billing_ledger_2_year_code', 'public.shared': 'PK_public_shared_1_key' })
})
