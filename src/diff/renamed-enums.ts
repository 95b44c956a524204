import type { SchemaModel } from '../model/schema-model'
import { enumRenames } from '../model/enum-renames'
import { nameOf } from '../model/qualified-name'
import type { Operation } from '../operations/operation'

/** renamedEnums renames each enum type the entities keep under another name (see enumRenames). Pure. */
export function renamedEnums(actual: SchemaModel, desired: SchemaModel): Operation[] {
  return enumRenames(actual, desired).map(({ from, to }): Operation => ({ kind: 'rename_enum', from: nameOf(from), to: nameOf(to) }))
}
