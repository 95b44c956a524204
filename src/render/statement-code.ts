import { type Statement, tableBlockSql } from '../dialect/statement'
import { stringLiteral, templateLiteral } from './ts-literal'

const step = '    '

/**
 * statementCode writes one statement as the lines of a migration method body: an awaited
 * `queryRunner.query` call, or, for a statement that must return no rows, a block that runs it and throws
 * with the message and the number of rows.
 */
export function statementCode(statement: Statement, indent: string): string[] {
  if (statement.failIfRows === undefined) {
    return around(queryCall(statement), `${indent}await `, ';')
  }
  return checkCode(statement, indent, (message) => `throw new Error(${message});`)
}

/**
 * checksCode writes checks that follow one another (statements that must return no rows, with nothing between them)
 * as one block (plain JavaScript too: the JavaScript forms share it) that runs them all and then throws with the message of every one that returned rows, so that one
 * run names every column to fix. `comments` are the lines above each check.
 */
export function checksCode(checks: readonly { readonly statement: Statement, readonly comments: readonly string[] }[], indent: string): string[] {
  const inner = indent + step
  return [
    `${indent}{`,
    `${inner}const failed = [];`,
    ...checks.flatMap(({ statement, comments }) => [...comments.map((line) => step + line), ...checkCode(statement, inner, (message) => `failed.push(${message});`)]),
    `${inner}if (failed.length > 0) {`,
    `${inner}${step}throw new Error(failed.join('; '));`,
    `${inner}}`,
    `${indent}}`,
  ]
}

/** checkCode runs one statement that must return no rows, and calls `onRows` with its message where it returns some. */
function checkCode(statement: Statement, indent: string, onRows: (message: string) => string): string[] {
  const inner = indent + step
  const message = `${stringLiteral(statement.failIfRows!)} + ' (' + rows.length + (rows.length === 1 ? ' row' : ' rows') + ' returned by the check)'`
  return [
    `${indent}{`,
    ...around(queryCall(statement), `${inner}const rows = await `, ';'),
    `${inner}if (rows.length > 0) {`,
    `${inner}${step}${onRows(message)}`,
    `${inner}}`,
    `${indent}}`,
  ]
}

/**
 * queryCall is `queryRunner.query(...)` without indent, `await` or `;`: one template literal, whose text
 * is exactly the statement's SQL. A CREATE TABLE is laid out from its parts as one block, a line per column
 * or constraint, which is the very text its SQL was written as.
 */
function queryCall(statement: Statement): string[] {
  const sql = statement.createTable === undefined ? statement.sql : tableBlockSql(statement.createTable)
  return `queryRunner.query(${templateLiteral(sql)})`.split('\n')
}

function around(lines: readonly string[], before: string, after: string): string[] {
  return lines.map((line, i) => `${i === 0 ? before : ''}${line}${i === lines.length - 1 ? after : ''}`)
}
