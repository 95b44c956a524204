import * as fs from 'node:fs'
import type * as TypeScript from 'typescript'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import type { QualifiedName } from '../model/schema-model'
import { classModuleOf, entityModuleOf } from './entity-file'
import { loadTypeScript } from './typescript-compiler'

/** SourceLine is a place in the project's source: an absolute file and, where it was found, a 1-based line. */
export interface SourceLine {
  readonly file: string
  readonly line?: number
}

/** TableLocation is where an entity declares its table: the class (or schema) and each column's property, by column name. */
export interface TableLocation extends QualifiedName {
  readonly declaration: SourceLine
  readonly columns: Readonly<Record<string, SourceLine>>
}

/**
 * entityLocations finds, for each entity's table, the file and line of its class declaration and of the
 * property behind each column, from TypeORM's metadata (built already) and the loaded modules' source. A
 * column declared in a base class points at that class's file. Tables without a loaded file (junction tables,
 * ESM entities) are left out.
 */
export function entityLocations(metadatas: readonly EntityMetadata[]): TableLocation[] {
  const classLines = new Map<string, ReadonlyMap<string, ClassLines>>()
  const linesIn = (file: string) => {
    let found = classLines.get(file)
    if (found === undefined) classLines.set(file, (found = classLinesOf(file)))
    return found
  }
  const locations: TableLocation[] = []
  for (const metadata of metadatas) {
    if (metadata.tableType !== 'regular' && metadata.tableType !== 'closure') continue
    const file = entityModuleOf(metadata)
    if (file === undefined) continue
    const className = typeof metadata.target === 'function' ? metadata.target.name : undefined
    const declared = className === undefined ? undefined : linesIn(file).get(className)
    const declaration: SourceLine = declared === undefined ? { file } : { file, line: declared.line }
    const columns: Record<string, SourceLine> = {}
    for (const column of metadata.columns) {
      const owner = typeof column.target === 'function' ? column.target : undefined
      const ownerFile = owner === undefined || owner === metadata.target ? file : classModuleOf(owner) ?? file
      const ownerLines = owner === undefined ? declared : linesIn(ownerFile).get(owner.name)
      const line = ownerLines?.properties.get(column.propertyName) ?? (ownerFile === file ? declaration.line : undefined)
      columns[column.databaseName] = line === undefined ? { file: ownerFile } : { file: ownerFile, line }
    }
    locations.push({ ...(metadata.schema && { schema: metadata.schema }), name: metadata.tableName, declaration, columns })
  }
  return locations
}

/**
 * locate is where a finding about a table, or one of its columns, points: the column's property, else the
 * table's class; undefined for a table no entity declares (one dropped because its entity was removed). A
 * location without a schema matches the table of that name in any schema (the dialect's default one).
 */
export function locate(locations: readonly TableLocation[], table: QualifiedName, column?: string): SourceLine | undefined {
  const found = locations.find((l) => l.name === table.name && l.schema === table.schema) ??
    locations.find((l) => l.name === table.name && l.schema === undefined)
  if (found === undefined) return undefined
  return (column === undefined ? undefined : found.columns[column]) ?? found.declaration
}

interface ClassLines {
  readonly line: number
  readonly properties: ReadonlyMap<string, number>
}

/** classLinesOf reads a source file's classes: the line of each class's name and of each of its properties' names. */
function classLinesOf(file: string): ReadonlyMap<string, ClassLines> {
  const classes = new Map<string, ClassLines>()
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return classes
  }
  // Required here, not at the top: only reports that point at source lines need the compiler.
  const ts = loadTypeScript(file)
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false)
  const lineOf = (node: TypeScript.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
  const visit = (node: TypeScript.Node): void => {
    if (ts.isClassDeclaration(node) && node.name !== undefined) {
      const properties = new Map<string, number>()
      for (const member of node.members) {
        if ((ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member)) && member.name !== undefined && !ts.isComputedPropertyName(member.name)) {
          properties.set(member.name.text, lineOf(member.name))
        }
      }
      classes.set(node.name.text, { line: lineOf(node.name), properties })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return classes
}
