import { type BenchDialect, benchDialects } from './bench-dialects'

/** EntityEdits are the changes the benchmark makes to one generated entity after the schema is in sync. */
export interface EntityEdits {
  /** Adds a nullable integer column `extra`. */
  readonly addColumn?: boolean
  /** Widens `title` from varchar(200) to varchar(255). */
  readonly widenVarchar?: boolean
  /** Changes the default of `quantity` from 0 to 1. */
  readonly changeDefault?: boolean
  /** Adds an index on `quantity`. */
  readonly addIndex?: boolean
  /** Drops the `description` column. */
  readonly dropColumn?: boolean
  /** Changes the foreign key to the parent from ON DELETE CASCADE to SET NULL. */
  readonly changeOnDelete?: boolean
}

export const entityFileName = (i: number): string => `bench-entity-${pad(i)}.ts`
export const entityClassName = (i: number): string => `BenchEntity${pad(i)}`
export const entityTableName = (i: number): string => `bench_entity_${pad(i)}`

/** parentOf is the earlier entity that entity `i` has a ManyToOne to (a binary tree keeps imports shallow). */
export function parentOf(i: number): number | undefined {
  return i === 0 ? undefined : Math.floor((i - 1) / 2)
}

/**
 * entitySource is the TypeScript source of synthetic entity `i`: a realistic mix of column kinds, some typed
 * only through decorator metadata, one or two indexes and a foreign key to an earlier entity.
 */
export function entitySource(i: number, dialect: BenchDialect, edits: EntityEdits = {}): string {
  const cls = entityClassName(i)
  const table = entityTableName(i)
  const parent = parentOf(i)
  const imports = ['Column', 'CreateDateColumn', 'Entity', 'Index', 'PrimaryGeneratedColumn']
  if (parent !== undefined) imports.push('ManyToOne')
  const lines: string[] = [`import { ${imports.sort().join(', ')} } from 'typeorm'`]
  if (parent !== undefined) lines.push(`import { ${entityClassName(parent)} } from './${entityFileName(parent).slice(0, -3)}'`)
  lines.push('', `@Entity('${table}')`)
  if (i % 2 === 0) lines.push(`@Index(['title'])`)
  lines.push(`@Index('IDX_${table}_status_created', ['status', 'createdAt'])`)
  if (edits.addIndex) lines.push(`@Index(['quantity'])`)
  lines.push(`export class ${cls} {`)
  lines.push(`  @PrimaryGeneratedColumn() id: number`)
  lines.push(`  @Column({ type: 'varchar', length: 64, unique: true }) code: string`)
  lines.push(`  @Column({ type: 'varchar', length: ${edits.widenVarchar ? 255 : 200} }) title: string`)
  if (!edits.dropColumn) lines.push(`  @Column({ type: 'text', nullable: true }) description: string | null`)
  lines.push(`  @Column({ type: 'integer', default: ${edits.changeDefault ? 1 : 0} }) quantity: number`)
  lines.push(`  @Column({ type: 'boolean', default: true }) active: boolean`)
  lines.push(`  @Column({ type: 'numeric', precision: 10, scale: 2, default: 0 }) price: string`)
  lines.push(`  @CreateDateColumn() createdAt: Date`)
  lines.push(`  ${benchDialects[dialect].statusColumn}`)
  lines.push(`  ${benchDialects[dialect].tagsColumn}`)
  // No explicit type: TypeORM reads these from the emitted design:type metadata.
  lines.push(`  @Column() label: string`)
  lines.push(`  @Column({ nullable: true }) rank: number`)
  lines.push(`  @Column({ default: false }) featured: boolean`)
  if (edits.addColumn) lines.push(`  @Column({ type: 'integer', nullable: true }) extra: number | null`)
  if (parent !== undefined) {
    const onDelete = edits.changeOnDelete ? 'SET NULL' : 'CASCADE'
    lines.push(`  @ManyToOne(() => ${entityClassName(parent)}, { onDelete: '${onDelete}', nullable: true }) parent: ${entityClassName(parent)} | null`)
  }
  lines.push('}', '')
  return lines.join('\n')
}

function pad(i: number): string {
  return String(i).padStart(4, '0')
}
