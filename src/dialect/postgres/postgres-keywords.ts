/**
 * Keywords that PostgreSQL's `quote_ident` always quotes (reserved, type/function-name and column-name
 * keywords; https://www.postgresql.org/docs/current/sql-keywords-appendix.html). An identifier spelled
 * like one of them keeps its quotes in canonical SQL.
 */
export const quotedKeywords: ReadonlySet<string> = new Set(`
all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case
cast char character check coalesce collate collation column concurrently constraint create cross current_catalog
current_date current_role current_schema current_time current_timestamp current_user dec decimal default
deferrable desc distinct do else end except exists extract false fetch float for foreign freeze from full grant
greatest group grouping having ilike in initially inner inout int integer intersect interval into is isnull join
json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize
json_table json_value lateral leading least left like limit localtime localtimestamp merge_action national natural
nchar none normalize not notnull null nullif numeric offset on only or order out outer overlaps overlay placing
position precision primary real references returning right row select session_user setof similar smallint some
substring symmetric system_user table tablesample then time timestamp to trailing treat trim true union unique
user using values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists
xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable
`.trim().split(/\s+/))

/**
 * Keywords PostgreSQL's deparser prints in upper case; every other unquoted word is folded to lower case.
 * All are in `quotedKeywords`, so an unquoted one is never a column name.
 */
export const upperCaseWords: ReadonlySet<string> = new Set(`
and or not is null in any all some array case when then else end between like ilike similar to exists distinct
from current_timestamp current_date current_time localtimestamp localtime current_user session_user current_role
current_catalog current_schema user collate asc desc isnull notnull overlaps
`.trim().split(/\s+/))

/** canQuoteless says whether an identifier reads the same without double quotes. */
export function canQuoteless(name: string): boolean {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !quotedKeywords.has(name)
}
