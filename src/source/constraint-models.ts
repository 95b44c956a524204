import { isDeepStrictEqual } from 'node:util'
import type { Driver } from 'typeorm/driver/Driver'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import type { ForeignKeyMetadata } from 'typeorm/metadata/ForeignKeyMetadata'
import type { IndexMetadata } from 'typeorm/metadata/IndexMetadata'
import type { UniqueMetadata } from 'typeorm/metadata/UniqueMetadata'
import { compareText } from '../model/qualified-name'
import type {
  CheckModel,
  ExclusionModel,
  Deferrable,
  ForeignKeyModel,
  IndexModel,
  ReferentialAction,
  UniqueModel,
} from '../model/schema-model'
import type { Warn } from './column-model'
import { dataSourceOf } from './metadata-data-source'

/** SkippedIndex is an index the model leaves out, so that the database's copy of it is left alone. */
export interface SkippedIndex {
  readonly schema?: string
  readonly table: string
  readonly name: string
}

/**
 * indexModelsOf lists an entity's indexes by name; unsynchronized ones are skipped. A fulltext index is one of
 * method `fulltext` where the driver has such indexes (MySQL, MariaDB), and a plain index elsewhere, as TypeORM
 * makes it (see ignoredFulltextWarnings); a spatial index is one of method `spatial`, which each dialect makes what TypeORM makes of it.
 * An index declared twice alike (`@Index()` on a relation and on its join column: both get the name made of
 * the table and the column) is listed once, with a warning (two different ones of one name are refused later,
 * see refuseRepeatedIndexNames).
 */
export function indexModelsOf(
  metadata: EntityMetadata,
  driver: Driver,
  where: string,
  warn: Warn,
  skip: (index: SkippedIndex) => void,
): IndexModel[] {
  const models: IndexModel[] = []
  for (const index of metadata.indices) {
    const reason = skipReason(index, driver)
    if (reason !== undefined) {
      warn(`skipped index ${index.name ? `"${index.name}" ` : ''}on ${where}: ${reason}`)
      if (index.name) skip({ ...(metadata.schema && { schema: metadata.schema }), table: metadata.tableName, name: index.name })
      continue
    }
    const model = indexModelOf(index, driver)
    if (model.method === 'fulltext' && index.parser !== undefined) warn(`parser ${index.parser} of fulltext index "${index.name}" on ${where} is not diffed yet`)
    if (models.some((earlier) => isDeepStrictEqual(earlier, model))) warn(`index "${model.name}" on ${where} is declared twice, alike, and is made once`)
    else models.push(model)
  }
  return models.sort(byName)
}

/**
 * indexModelOf is one index of a table or a materialized view as declared: its columns, uniqueness, predicate
 * and access method (`type: 'hash'`), which TypeORM writes as `USING` on either.
 */
export function indexModelOf(index: IndexMetadata, driver: Driver): IndexModel {
  const fulltext = index.isFulltext && driver.isFullTextColumnTypeSupported()
  const method = fulltext ? 'fulltext' : index.isSpatial ? 'spatial' : index.type === undefined ? undefined : String(index.type).toLowerCase()
  return {
    name: index.name,
    columns: index.columns.map((column) => column.databaseName),
    unique: index.isUnique,
    ...(index.where !== undefined && index.where !== '' && { where: index.where }),
    ...(method !== undefined && method !== 'btree' && { method }),
  }
}

function skipReason(index: IndexMetadata, driver: Driver): string | undefined {
  if (!index.synchronize) return 'it is declared synchronize: false'
  return undefined
}

/**
 * uniqueModelsOf lists an entity's unique constraints (`@Unique` and `unique: true` columns) by name, one per
 * set of columns: a duplicate is left out with a warning, keeping a name the user gave over a generated one,
 * else the first TypeORM declares (a `unique: true` column's before its one-to-one's), which is the one
 * PostgreSQL's CREATE TABLE keeps under synchronize; its name is kept as one the database may hold the unique
 * under (UniqueModel.alsoNamed).
 */
export function uniqueModelsOf(metadata: EntityMetadata, where: string, warn: Warn): UniqueModel[] {
  // Stable: among names the user gave, and among generated ones, TypeORM's order stays.
  const userNamed = (unique: UniqueMetadata) => Number(unique.givenName !== undefined && !isRelationsOwn(unique, metadata))
  const candidates = [...metadata.uniques].sort((a, b) => userNamed(b) - userNamed(a))
  const kept = new Map<string, UniqueModel>()
  for (const unique of candidates) {
    const columns = unique.columns.map((column) => column.databaseName)
    const key = [...columns].sort(compareText).join('\u0000')
    const earlier = kept.get(key)
    if (earlier !== undefined) {
      warn(`unique constraint "${unique.name}" on ${where} repeats "${earlier.name}" (same columns) and is left out`)
      if (unique.name !== earlier.name) kept.set(key, { ...earlier, alsoNamed: [...(earlier.alsoNamed ?? []), unique.name] })
      continue
    }
    kept.set(key, {
      name: unique.name,
      columns,
      ...(unique.deferrable !== undefined && { deferrable: unique.deferrable as Deferrable }),
    })
  }
  return [...kept.values()].sort(byName)
}

/**
 * isRelationsOwn says whether a unique is the one TypeORM declares for a one-to-one's join columns, which it names
 * itself (`REL_...`, by the naming strategy's relationConstraintName) but passes as a given name.
 */
function isRelationsOwn(unique: UniqueMetadata, metadata: EntityMetadata): boolean {
  const columns = unique.columns.map((column) => column.databaseName)
  return unique.givenName !== undefined && unique.givenName === dataSourceOf(metadata).namingStrategy.relationConstraintName(metadata.tableName, columns)
}

/**
 * checkModelsOf lists an entity's `@Check` constraints by name, one per expression: a repeat (the same `@Check`
 * on a class and on a class it extends, which TypeORM names alike) is left out with a warning, keeping a name
 * the user gave over a generated one. The database would refuse the second of one name.
 */
export function checkModelsOf(metadata: EntityMetadata, where: string, warn: Warn): CheckModel[] {
  return onePerExpression(metadata.checks, (c) => ({ name: c.name, expression: c.expression }), 'check constraint', where, warn)
}

/** exclusionModelsOf lists an entity's `@Exclusion` constraints as checkModelsOf lists checks; TypeORM reads them on PostgreSQL alone. */
export function exclusionModelsOf(metadata: EntityMetadata, where: string, warn: Warn): ExclusionModel[] {
  return onePerExpression(metadata.exclusions, (x) => ({ name: x.name, definition: x.expression }), 'exclusion constraint', where, warn)
}

interface ExpressionConstraint { readonly givenName?: string; readonly name: string; readonly expression: string }

function onePerExpression<M extends ExpressionConstraint, T extends { readonly name: string }>(
  declared: readonly M[], modelOf: (constraint: M) => T, noun: string, where: string, warn: Warn,
): T[] {
  const kept = new Map<string, T>()
  for (const constraint of [...declared].sort(givenNameFirst)) {
    const earlier = kept.get(constraint.expression)
    if (earlier !== undefined) {
      warn(`${noun} "${constraint.name}" on ${where} repeats "${earlier.name}" (same expression) and is left out`)
      continue
    }
    kept.set(constraint.expression, modelOf(constraint))
  }
  return [...kept.values()].sort(byName)
}

/** givenNameFirst orders repeats so that the one kept is a name the user gave, else the first generated name. */
function givenNameFirst(a: { readonly givenName?: string; readonly name: string }, b: { readonly givenName?: string; readonly name: string }): number {
  return Number(b.givenName !== undefined) - Number(a.givenName !== undefined) || compareText(a.name, b.name)
}

/** foreignKeyModelsOf lists the foreign keys an entity owns (ManyToOne, owning OneToOne, junctions) by name. */
export function foreignKeyModelsOf(metadata: EntityMetadata, where: string, warn: Warn): ForeignKeyModel[] {
  return metadata.foreignKeys.map((fk) => foreignKeyModelOf(fk, where, warn)).sort(byName)
}

function foreignKeyModelOf(fk: ForeignKeyMetadata, where: string, warn: Warn): ForeignKeyModel {
  const referenced = fk.referencedEntityMetadata
  const action = (rule: string, value: string | undefined): ReferentialAction =>
    referentialAction(value, `${rule} of foreign key "${fk.name}" on ${where}`, warn)
  return {
    name: fk.name,
    columns: fk.columnNames,
    ...(referenced.schema && { referencedSchema: referenced.schema }),
    referencedTable: referenced.tableName,
    referencedColumns: fk.referencedColumnNames,
    onDelete: action('ON DELETE', fk.onDelete),
    onUpdate: action('ON UPDATE', fk.onUpdate),
    ...(fk.deferrable !== undefined && { deferrable: fk.deferrable as Deferrable }),
  }
}

const referentialActions: readonly ReferentialAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT']

function referentialAction(value: string | undefined, where: string, warn: Warn): ReferentialAction {
  if (value === undefined || value === '') return 'NO ACTION'
  const upper = value.trim().toUpperCase().replace(/\s+/g, ' ')
  const known = referentialActions.find((action) => action === upper)
  if (known !== undefined) return known
  if (upper === 'DEFAULT') {
    warn(`${where} is "DEFAULT", which no database accepts; it is read as SET DEFAULT`)
    return 'SET DEFAULT'
  }
  warn(`${where} is "${value}", which is not a referential action; it is read as NO ACTION`)
  return 'NO ACTION'
}

function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return compareText(a.name, b.name)
}
