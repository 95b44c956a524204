/**
 * withComment is `{ comment }` for a table or column model to spread, the comment as the database keeps it, or
 * nothing for none: without NUL characters, which PostgreSQL's text cannot hold (it refuses the statement) and
 * which TypeORM removes from every comment it writes, so that a database it made has none.
 */
export function withComment(comment: string | undefined): { comment?: string } {
  const stored = comment?.replaceAll('\u0000', '')
  return stored === undefined || stored === '' ? {} : { comment: stored }
}
