import type { Operation } from '../operations/operation'

/**
 * Statement is one SQL statement of a migration, with the operations it carries out and the facts later
 * stages need about it, so that no stage reads the SQL text back. The renderer turns it into a
 * `queryRunner.query(...)` call.
 */
export interface Statement {
  /** One SQL statement, without the `;` that ends it in a script. */
  readonly sql: string
  /** The operations this statement carries out (a SQLite rebuild carries several). */
  readonly operations: readonly Operation[]
  /** Set on a CREATE TABLE: its parts, of which `sql` is tableBlockSql (the renderer lays the block out from them). */
  readonly createTable?: TableBlock
  /** Set when the statement builds its index without blocking writes (`CREATE INDEX CONCURRENTLY`). */
  readonly concurrently?: true
  /** Set when the statement adds its constraint without reading the existing rows (`NOT VALID`). */
  readonly notValid?: true
  /** Set when the statement must return no rows (`PRAGMA foreign_key_check`): the message the migration fails with. */
  readonly failIfRows?: string
  /**
   * Set when a later statement of the same list uses what this statement adds, which the database allows
   * only once this statement's transaction has committed (PostgreSQL's `ALTER TYPE ... ADD VALUE`): the
   * reason. `generate` then writes the change as two migrations, cut after this statement, so that each
   * runs whole in one transaction (see src/pipeline/split-at-commits.ts).
   */
  readonly commitBeforeUse?: string
  /**
   * Set when the statement commits the transaction it runs in and runs outside any (MySQL's DDL): if a later
   * statement fails, this one stays applied. The migration file says so near its top.
   */
  readonly autocommits?: true
  /**
   * Set on every statement of a table rebuild (a new table is created, every row copied into it, the old
   * one dropped): the name of the table rebuilt. Hazard rules read it (TABLE_REBUILD).
   */
  readonly rebuild?: string
  /** Set on a rebuild that lets writes go on while it copies (MySQL's `ALGORITHM=INPLACE, LOCK=NONE`). */
  readonly rebuildTakesWrites?: true
  /** Set on a rebuild that writes every row again in place, the table locked, no copy made (PostgreSQL's rewrite). */
  readonly rebuildRewrites?: true
}

/**
 * TableBlock is a CREATE TABLE as data: `head` up to and with the opening parenthesis
 * (`CREATE TABLE "post" (`), one line per column or constraint (without commas), and `tail`, the closing
 * parenthesis with what follows it (`)`, `) WITHOUT ROWID`).
 */
export interface TableBlock {
  readonly head: string
  readonly lines: readonly string[]
  readonly tail: string
  /**
   * Set when the lines stay on one line, joined by `, `: the database keeps the text as sent and a reader
   * of it needs it so (TypeORM parses SQLite's stored CREATE TABLE).
   */
  readonly oneLine?: true
}

/** TABLE_LINE_INDENT is how far a CREATE TABLE's lines are indented under its head. */
export const TABLE_LINE_INDENT = '  '

/**
 * tableBlockSql writes a CREATE TABLE as one block: the head, each line on its own line indented by
 * TABLE_LINE_INDENT and ended by a comma but the last, then the tail on a line of its own.
 * `CREATE TABLE "t" ()` when there are no lines; all on one line when the block says `oneLine`.
 */
export function tableBlockSql(block: TableBlock): string {
  if (block.lines.length === 0 || block.oneLine) return `${block.head}${block.lines.join(', ')}${block.tail}`
  return `${block.head}\n${block.lines.map((line) => `${TABLE_LINE_INDENT}${line}`).join(',\n')}\n${block.tail}`
}

/** StatementPiece is what a dialect's SQL writer gives for one statement: its SQL alone, or the statement short of its operations. */
export type StatementPiece = string | Omit<Statement, 'operations'>

/** statementOf makes a piece the statement that carries out `operations`, with the `facts` given added. */
export function statementOf(piece: StatementPiece, operations: readonly Operation[], facts: Partial<Omit<Statement, 'sql' | 'operations'>> = {}): Statement {
  return typeof piece === 'string' ? { sql: piece, operations, ...facts } : { ...piece, operations, ...facts }
}

/** semicolonEnded is a statement as a script line: its SQL and the `;` that ends it. */
export function semicolonEnded(sql: string): string[] {
  return [`${sql};`]
}

/** tableBlockPiece is the piece of a CREATE TABLE, its SQL written from its parts by tableBlockSql. */
export function tableBlockPiece(block: TableBlock): Omit<Statement, 'operations'> {
  return { sql: tableBlockSql(block), createTable: block }
}
