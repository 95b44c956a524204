/**
 * mysqlOnlyReadRows: through TypeORM's MySQL query runner, mysql2 answers a statement that returns rows (SELECT,
 * SHOW) with an array of plain row objects, and any other (DDL, INSERT, UPDATE, SET) with a ResultSetHeader. A
 * CALL answers with an array holding arrays of rows and a ResultSetHeader, as a procedure may change anything.
 */
export function mysqlOnlyReadRows(result: unknown): boolean {
  return Array.isArray(result) && result.every((row) => row !== null && typeof row === 'object' && !Array.isArray(row) && !isResultHeader(row))
}

function isResultHeader(row: object): boolean {
  return row.constructor?.name === 'ResultSetHeader' || 'affectedRows' in row
}
