import type { Statement } from '../dialect/statement'
import { sqlSegments } from './sql-segments'
import { stringLiteral, templateLiteral } from './ts-literal'

const step = '    '

/**
 * statementCode writes one statement as the lines of a migration method body: an awaited
 * `queryRunner.query` call, or, for a statement that must return no rows, a block that runs it and throws
 * with the message and the number of rows.
 */
export function statementCode(statement: Statement, indent: string): string[] {
  if (statement.failIfRows === undefined) {
    return around(queryCall(statement.sql, indent), `${indent}await `, ';')
  }
  const inner = indent + step
  const message = `${stringLiteral(statement.failIfRows)} + ' (' + rows.length + ' rows returned by the check)'`
  return [
    `${indent}{`,
    ...around(queryCall(statement.sql, inner), `${inner}const rows = await `, ';'),
    `${inner}if (rows.length > 0) {`,
    `${inner}${step}throw new Error(${message});`,
    `${inner}}`,
    `${indent}}`,
  ]
}

/** queryCall is `queryRunner.query(...)` without indent, `await` or `;`, over several lines for a long CREATE TABLE. */
function queryCall(sql: string, indent: string): string[] {
  const segments = sqlSegments(sql)
  if (segments.length === 1) return [`queryRunner.query(${templateLiteral(sql)})`]
  return [
    'queryRunner.query(',
    ...segments.map((segment, i) => `${indent}${step}${templateLiteral(segment)}${i === segments.length - 1 ? ',' : ' +'}`),
    `${indent})`,
  ]
}

function around(lines: readonly string[], before: string, after: string): string[] {
  return lines.map((line, i) => `${i === 0 ? before : ''}${line}${i === lines.length - 1 ? after : ''}`)
}
