/**
 * reportedMysqlText is a comment or a default as MariaDB and MySQL report them (information_schema and SHOW
 * CREATE TABLE alike): in utf8mb3, which has no character outside the Basic Multilingual Plane (an emoji such
 * as 🚀), so each such character reads `?`. A comment is compared and written so; a default is compared so and
 * written as declared, which the server keeps whole.
 */
export function reportedMysqlText(text: string): string {
  return text.replace(/[\u{10000}-\u{10FFFF}]/gu, '?')
}
