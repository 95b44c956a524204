import type { ColumnGeneration, ColumnModel } from '../../model/schema-model'
import { withComment } from '../stored-comment'
import { canonicalDefault } from './postgres-defaults'
import { canonicalExpression } from './postgres-expressions'
import { canonicalParameters, parseTypeSpelling, serialTypes } from './postgres-types'

/** Defaults that generate a uuid: a uuid column holding one is `generated: {kind: 'uuid'}`. */
const uuidFunctions = /^(gen_random_uuid|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|uuidv4|uuidv7)\(\)$/

/**
 * canonicalColumn is the one set of rules that both the introspector and `normalize` apply to a column:
 * canonical type name and parameters, canonical default, generation kinds, and optional fields omitted
 * when they do not apply. The default's and computed expression's own text is kept to be written.
 */
export function canonicalColumn(column: ColumnModel): ColumnModel {
  const spelling = parseTypeSpelling(column.type)
  const params = canonicalParameters({
    type: spelling.type,
    length: column.length ?? spelling.length,
    precision: column.precision ?? spelling.precision,
    scale: column.scale ?? spelling.scale,
    isArray: Boolean(column.isArray || spelling.isArray),
  })
  const serial = serialTypes.has(column.type.trim().toLowerCase())
  let generated: ColumnGeneration | undefined = column.generated ?? (serial ? { kind: 'increment' } : undefined)
  const keepsDefault = column.computed === undefined && generated?.kind !== 'increment' && generated?.kind !== 'identity'
  const defaultText = keepsDefault && column.default !== undefined
    ? canonicalDefault(column.default, { type: params.type, isArray: params.isArray, enumName: column.enumName, precision: params.precision })
    : undefined
  if (params.type === 'uuid' && !params.isArray && defaultText !== undefined && uuidFunctions.test(defaultText)) {
    generated = { kind: 'uuid' }
  }
  return {
    name: column.name,
    type: params.type,
    ...(params.length !== undefined && { length: params.length }),
    ...(params.precision !== undefined && { precision: params.precision }),
    ...(params.scale !== undefined && { scale: params.scale }),
    ...(params.isArray && { isArray: true }),
    nullable: column.nullable,
    ...(defaultText !== undefined && { default: defaultText, defaultSql: column.defaultSql ?? column.default!.trim() }),
    ...(defaultText !== undefined && column.defaultChosenByTypeorm && { defaultChosenByTypeorm: true as const }),
    ...(generated !== undefined && { generated: canonicalGeneration(generated) }),
    ...(column.computed !== undefined && {
      computed: {
        expression: canonicalExpression(column.computed.expression),
        stored: column.computed.stored,
        expressionSql: column.computed.expressionSql ?? column.computed.expression.trim(),
      },
    }),
    ...(column.enumValues !== undefined && { enumValues: [...column.enumValues] }),
    ...(column.enumName !== undefined && { enumName: column.enumName }),
    ...(column.enumSchema !== undefined && { enumSchema: column.enumSchema }),
    ...withComment(column.comment),
    ...(column.collation !== undefined && { collation: column.collation }),
    ...(column.domainBaseType !== undefined && { domainBaseType: column.domainBaseType }),
    ...(column.inherited === true && { inherited: true }),
    ...(column.identityOptions !== undefined && generated?.kind === 'identity' && { identityOptions: column.identityOptions }),
    ...(column.sequenceName !== undefined && generated?.kind === 'increment' && { sequenceName: column.sequenceName }),
  }
}

/** canonicalGeneration rebuilds the generation with its keys in one order (the diff compares JSON). */
function canonicalGeneration(g: ColumnGeneration): ColumnGeneration {
  return g.kind === 'identity' ? { kind: 'identity', always: g.always } : { kind: g.kind }
}
