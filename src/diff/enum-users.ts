import { nameOf } from '../model/qualified-name'
import type { EnumTypeModel, EnumUser, QualifiedName, SchemaModel } from '../model/schema-model'

/** enumUsers lists the columns of `model` whose type is the enum type `enumType` (in the type's schema). */
export function enumUsers(model: SchemaModel, enumType: QualifiedName | EnumTypeModel): EnumUser[] {
  return model.tables
    .filter((t) => t.schema === enumType.schema)
    .flatMap((t) => t.columns.filter((c) => c.enumName === enumType.name && c.enumSchema === undefined).map((column) => ({ table: nameOf(t), column })))
}
