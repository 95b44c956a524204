import { qualifiedKey } from '../model/qualified-name'
import type { SchemaModel } from '../model/schema-model'
import { type Hazard, hazardSeverity } from './hazard'

/**
 * enumDeclarationConflictHazards reports each named enum type whose columns declare it with different labels
 * (one `enumName` on two columns, each with its own `enum` list), as a DECLARATION_CONFLICT: the model makes
 * the type once, with the labels of the first column declaring it, so a column declaring others cannot store
 * the labels it lacks, while the diff, comparing types, finds nothing to change. A column naming the type
 * without labels (sharing it) agrees with any.
 */
export function enumDeclarationConflictHazards(desired: SchemaModel): Hazard[] {
  if (desired.enums.length === 0) return []
  const declaringByType = new Map<string, { column: string; values: readonly string[] }[]>()
  for (const table of desired.tables) {
    for (const c of table.columns) {
      if (c.type !== 'enum' || c.enumName === undefined || (c.enumValues?.length ?? 0) === 0) continue
      const key = qualifiedKey({ schema: table.schema, name: c.enumName })
      const declaring = declaringByType.get(key) ?? []
      declaring.push({ column: `${table.name}.${c.name}`, values: c.enumValues! })
      declaringByType.set(key, declaring)
    }
  }
  const hazards: Hazard[] = []
  for (const enumType of desired.enums) {
    const typeKey = qualifiedKey(enumType)
    const declaring = declaringByType.get(typeKey) ?? []
    const followed = labelsText(enumType.values)
    const follower = declaring.find((d) => labelsText(d.values) === followed)
    const others = declaring.filter((d) => labelsText(d.values) !== followed)
    if (follower === undefined || others.length === 0) continue
    const subject = `"${typeKey}"`
    const differences = others.map((o) => {
      const missing = o.values.filter((v) => !enumType.values.includes(v))
      const lacks = missing.length > 0 ? `, so ${o.column} cannot store ${missing.map((v) => `'${v}'`).join(', ')}` : ''
      return `${o.column} declares ${labelsText(o.values)}${lacks}`
    })
    hazards.push({
      code: 'DECLARATION_CONFLICT',
      severity: hazardSeverity.DECLARATION_CONFLICT,
      subject,
      message: `enum type ${subject} is declared with different labels: the diff follows ${follower.column} ${followed}, while ` +
        `${differences.join('; ')}; give the columns the same labels, or each its own enumName.`,
    })
  }
  return hazards
}

function labelsText(values: readonly string[]): string {
  return `(${values.map((v) => `'${v}'`).join(', ')})`
}
