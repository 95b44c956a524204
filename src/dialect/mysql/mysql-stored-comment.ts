/**
 * storedMysqlComment is a table's or column's comment as MariaDB and MySQL keep it: their data dictionary holds
 * comments in utf8mb3, which has no character outside the Basic Multilingual Plane (an emoji such as 🚀), and
 * the server stores each such character as `?`. A comment declared with one is compared, and written, so.
 */
export function storedMysqlComment(comment: string | undefined): string | undefined {
  return comment?.replace(/[\u{10000}-\u{10FFFF}]/gu, '?')
}
