/**
 * The catalog queries the introspector runs: a fixed number, whatever the number of tables, columns or
 * types. Each takes `$1` = the schemas to read and `$2` = the table names to skip (bare or `schema.table`).
 * Rows are sorted by the caller with compareText, never by the server's collation.
 */

/**
 * scopedRelations is a WITH clause naming `tables` the relations of the kinds `relkinds` (pg_class.relkind
 * letters) in scope: not partitions, not ignored ones, not owned by an extension.
 */
function scopedRelations(relkinds: readonly string[]): string {
  return `WITH tables AS (
  SELECT c.oid, n.nspname::text AS schema, c.relname::text AS name
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN (${relkinds.map((k) => `'${k}'`).join(', ')}) AND NOT c.relispartition
    AND n.nspname = ANY($1::text[])
    AND NOT (c.relname = ANY($2::text[]) OR n.nspname || '.' || c.relname = ANY($2::text[]))
    -- A table an extension owns (PostGIS's spatial_ref_sys) comes and goes with its extension.
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
)`
}

/** The tables in scope: ordinary and partitioned tables. */
const scopedTables = scopedRelations(['r', 'p'])

/** The relations in scope that can have indexes: the tables and the materialized views. */
const scopedIndexedRelations = scopedRelations(['r', 'p', 'm'])

export interface SchemaRow { readonly name: string }
export const schemasQuery = `SELECT nspname::text AS name FROM pg_catalog.pg_namespace WHERE nspname = ANY($1::text[])`

export interface ExtensionRow { readonly name: string }
export const extensionsQuery = `SELECT extname::text AS name FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql'`

export interface TableRow {
  readonly schema: string
  readonly name: string
  readonly comment: string | null
  /** pg_class.relreplident: `d` the primary key's, `f` full, `n` nothing, `i` that of `replica_index`. */
  readonly replica_identity: string
  readonly replica_index: string | null
  readonly unlogged: boolean
  /** A partitioned table's partition key, as pg_get_partkeydef prints it (`RANGE (paid_at)`). */
  readonly partition_key: string | null
  readonly partitions: readonly PartitionRow[] | null
  /** The tables it INHERITS, in their order (a partition's parent is not one). */
  readonly inherits: readonly { readonly schema: string; readonly name: string }[] | null
}
export interface PartitionRow {
  readonly schema: string
  readonly name: string
  readonly of_schema: string
  readonly of: string
  readonly level: number
  readonly bound: string
  readonly key: string | null
}
export const tablesQuery = `${scopedTables}
SELECT t.schema, t.name, obj_description(t.oid, 'pg_class') AS comment, c.relreplident::text AS replica_identity,
  c.relpersistence = 'u' AS unlogged,
  CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(t.oid) END AS partition_key,
  CASE WHEN c.relkind = 'p' THEN (
    SELECT json_agg(json_build_object('schema', pn.nspname, 'name', pc.relname, 'of_schema', ppn.nspname, 'of', ppc.relname,
      'level', tree.level, 'bound', pg_get_expr(pc.relpartbound, pc.oid), 'key', pg_get_partkeydef(pc.oid)))
    FROM pg_partition_tree(t.oid) tree
    JOIN pg_catalog.pg_class pc ON pc.oid = tree.relid JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
    JOIN pg_catalog.pg_class ppc ON ppc.oid = tree.parentrelid JOIN pg_catalog.pg_namespace ppn ON ppn.oid = ppc.relnamespace
    -- Tables only: the partitioned indexes of the tree's own indexes come with them.
    WHERE tree.level > 0 AND pc.relkind IN ('r', 'p')
  ) END AS partitions,
  (SELECT json_agg(json_build_object('schema', pn.nspname, 'name', pc.relname) ORDER BY i.inhseqno)
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
    WHERE i.inhrelid = t.oid AND NOT c.relispartition) AS inherits,
  (SELECT ic.relname::text FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
   WHERE i.indrelid = t.oid AND i.indisreplident) AS replica_index
FROM tables t JOIN pg_catalog.pg_class c ON c.oid = t.oid`

export interface ColumnRow {
  readonly schema: string
  readonly table: string
  readonly position: number
  readonly name: string
  readonly type_text: string
  readonly is_array: boolean
  readonly enum_schema: string | null
  readonly enum_name: string | null
  readonly nullable: boolean
  readonly default_expr: string | null
  readonly identity: string
  readonly generated: string
  /** The sequence the column owns (what SERIAL makes), by name; null where none. */
  readonly owned_sequence: string | null
  /**
   * The sequence in the table's schema that the default reads and no column owns (hand-written DDL that makes a
   * key's sequence apart, with no `OWNED BY`); null where none.
   */
  readonly unowned_default_sequence: string | null
  readonly collation: string | null
  readonly comment: string | null
  /** The type a column of a domain (or an array of one) stores, where `type_text` names the domain. */
  readonly domain_base_type: string | null
  /** The column comes from inherited tables alone (pg_attribute.attislocal false). */
  readonly inherited: boolean
  /** An identity column's sequence options other than the defaults, as CREATE TABLE writes them; null where none. */
  readonly identity_options: string | null
  /** The row-level security policies that read the column (pg_depend of pg_policy), by name. */
  readonly policies: readonly string[]
}
export const columnsQuery = `${scopedTables}
SELECT t.schema, t.name AS table, a.attnum::int AS position, a.attname::text AS name,
  format_type(a.atttypid, a.atttypmod) AS type_text,
  -- A domain over an array type is the domain's own type, not an array of it.
  ty.typcategory = 'A' AND ty.typtype <> 'd' AS is_array,
  CASE WHEN et.typtype = 'e' THEN en.nspname::text END AS enum_schema,
  CASE WHEN et.typtype = 'e' THEN et.typname::text END AS enum_name,
  NOT a.attnotnull AS nullable,
  -- Only a generated column's expression names columns: a default deparsed without its table is the same text,
  -- and much cheaper (with a table, every call reads the names of all its columns).
  pg_get_expr(d.adbin, CASE WHEN a.attgenerated <> '' THEN d.adrelid ELSE 0 END, true) AS default_expr,
  a.attidentity::text AS identity,
  a.attgenerated::text AS generated,
  (
    SELECT s.relname::text FROM pg_catalog.pg_depend dep
    JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
    WHERE dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.classid = 'pg_catalog.pg_class'::regclass
      AND dep.refobjid = t.oid
      AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'
    LIMIT 1
  ) AS owned_sequence,
  CASE WHEN d.oid IS NOT NULL THEN (
    SELECT s.relname::text FROM pg_catalog.pg_depend dep
    JOIN pg_catalog.pg_class s ON s.oid = dep.refobjid AND s.relkind = 'S'
    JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace AND sn.nspname = t.schema
    WHERE dep.classid = 'pg_catalog.pg_attrdef'::regclass AND dep.objid = d.oid AND dep.refclassid = 'pg_catalog.pg_class'::regclass
      AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend owner WHERE owner.classid = 'pg_catalog.pg_class'::regclass AND owner.objid = s.oid
          AND owner.refclassid = 'pg_catalog.pg_class'::regclass AND owner.deptype IN ('a', 'i'))
    LIMIT 1
  ) END AS unowned_default_sequence,
  CASE WHEN a.attcollation <> ty.typcollation THEN co.collname::text END AS collation,
  ds.description AS comment,
  CASE WHEN et.typtype = 'd' THEN format_type(et.typbasetype, et.typtypmod) END AS domain_base_type,
  NOT a.attislocal AS inherited,
  CASE WHEN a.attidentity <> '' THEN (
    SELECT NULLIF(concat_ws(' ',
      CASE WHEN s.seqstart <> s.seqmin THEN 'START WITH ' || s.seqstart END,
      CASE WHEN s.seqincrement <> 1 THEN 'INCREMENT BY ' || s.seqincrement END,
      CASE WHEN s.seqmin <> 1 THEN 'MINVALUE ' || s.seqmin END,
      CASE WHEN s.seqmax <> CASE s.seqtypid WHEN 'pg_catalog.int2'::regtype THEN 32767 WHEN 'pg_catalog.int4'::regtype THEN 2147483647
        ELSE 9223372036854775807 END THEN 'MAXVALUE ' || s.seqmax END,
      CASE WHEN s.seqcache <> 1 THEN 'CACHE ' || s.seqcache END,
      CASE WHEN s.seqcycle THEN 'CYCLE' END), '')
    FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid
    WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass
      AND dep.refobjid = t.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i'
  ) END AS identity_options,
  ARRAY(
    SELECT pol.polname::text FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_policy pol ON pol.oid = dep.objid
    WHERE dep.classid = 'pg_catalog.pg_policy'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass
      AND dep.refobjid = t.oid AND dep.refobjsubid = a.attnum
    ORDER BY pol.polname
  ) AS policies
FROM tables t
JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN ty.typcategory = 'A' AND ty.typtype <> 'd' THEN ty.typelem ELSE ty.oid END
LEFT JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
-- col_description's own lookup, joined: as a function it runs a query for every column.
LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = a.attnum`

export interface ConstraintRow {
  readonly schema: string
  readonly table: string
  readonly name: string
  readonly type: 'p' | 'u' | 'f' | 'c' | 'x'
  readonly columns: string[]
  readonly ref_schema: string | null
  readonly ref_table: string | null
  readonly ref_columns: string[]
  readonly on_delete: string
  readonly on_update: string
  readonly deferrable: boolean
  readonly deferred: boolean
  /** pg_constraint.confmatchtype of a foreign key: `f` MATCH FULL, `s` MATCH SIMPLE (the default). */
  readonly match_type: string
  /** The constraint comes from inherited tables alone (pg_constraint.conislocal false). */
  readonly inherited: boolean
  readonly expression: string | null
  readonly comment: string | null
  /**
   * A check's: the sources of the PL/pgSQL and SQL functions its expression calls, extensions' aside (the
   * system's have no pg_depend rows), which name columns the database does not track.
   */
  readonly function_bodies: string[]
}
// Each name is looked up by its key (a join read all of the table's columns for every constraint).
const attributeNames = (keys: string, relation: string) => `ARRAY(
    SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a WHERE a.attrelid = ${relation} AND a.attnum = k.attnum)
    FROM unnest(${keys}) WITH ORDINALITY k(attnum, ord) ORDER BY k.ord)`
export const constraintsQuery = `${scopedTables}
SELECT t.schema, t.name AS table, con.conname::text AS name, con.contype::text AS type,
  ${attributeNames('con.conkey', 'con.conrelid')} AS columns,
  rn.nspname::text AS ref_schema, rc.relname::text AS ref_table,
  ${attributeNames('con.confkey', 'con.confrelid')} AS ref_columns,
  con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
  con.condeferrable AS deferrable, con.condeferred AS deferred, con.confmatchtype::text AS match_type,
  NOT con.conislocal AS inherited,
  CASE con.contype WHEN 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) WHEN 'x' THEN pg_get_constraintdef(con.oid, true) END AS expression,
  obj_description(con.oid, 'pg_constraint') AS comment,
  CASE WHEN con.contype = 'c' THEN ARRAY(
    SELECT p.prosrc FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_proc p ON p.oid = d.refobjid
    JOIN pg_catalog.pg_language l ON l.oid = p.prolang AND l.lanname IN ('plpgsql', 'sql')
    WHERE d.classid = 'pg_catalog.pg_constraint'::regclass AND d.objid = con.oid AND d.refclassid = 'pg_catalog.pg_proc'::regclass
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
    ORDER BY p.oid) ELSE '{}' END AS function_bodies
FROM tables t
JOIN pg_catalog.pg_constraint con ON con.conrelid = t.oid AND con.contype IN ('p', 'u', 'f', 'c', 'x')
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace`

export interface IndexRow {
  readonly schema: string
  readonly table: string
  readonly name: string
  readonly unique: boolean
  readonly method: string
  readonly predicate: string | null
  /** Key columns (or expressions, pretty-printed) in order, then the INCLUDE columns. */
  readonly columns: string[]
  readonly key_count: number
  /** Per key: its operator class when not the default one for its type, else null. */
  readonly opclasses: (string | null)[]
  /** Per key: its collation when not the column's (or the expression type's), else null. */
  readonly collations: (string | null)[]
  /** Per key: pg_index.indoption (bit 1 DESC, bit 2 NULLS FIRST). */
  readonly options: number[]
  readonly comment: string | null
}
/**
 * Indexes that back no constraint (primary keys, uniques and exclusions bring their own), of the tables and
 * of the materialized views (`table` is then the view's name).
 */
export const indexesQuery = `${scopedIndexedRelations}
SELECT t.schema, t.name AS table, ic.relname::text AS name, i.indisunique AS unique, am.amname::text AS method,
  pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
  i.indnkeyatts::int AS key_count,
  ARRAY(
    SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true)
      ELSE (SELECT a.attname::text FROM pg_catalog.pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum) END
    FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
    ORDER BY k.ord) AS columns,
  ARRAY(
    SELECT CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname::text END
    FROM unnest(i.indclass::oid[]) WITH ORDINALITY k(opclass, ord)
    JOIN pg_catalog.pg_opclass opc ON opc.oid = k.opclass
    ORDER BY k.ord) AS opclasses,
  ARRAY(
    SELECT CASE WHEN k.coll = 0 OR k.coll = COALESCE(a.attcollation, ty.typcollation) THEN NULL ELSE co.collname::text END
    FROM unnest(i.indcollation::oid[], i.indkey::int2[]) WITH ORDINALITY k(coll, attnum, ord)
    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
    LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.ord
    LEFT JOIN pg_catalog.pg_type ty ON ty.oid = ia.atttypid
    LEFT JOIN pg_catalog.pg_collation co ON co.oid = k.coll
    WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS collations,
  i.indoption::int2[]::int[] AS options,
  obj_description(i.indexrelid, 'pg_class') AS comment
FROM tables t
JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE NOT EXISTS (
  SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')
)`

export interface EnumRow { readonly schema: string; readonly name: string; readonly labels: string[] }
/** Enum types in the scoped schemas, and those the scoped tables use wherever they live. */
export const enumsQuery = `${scopedTables}
SELECT n.nspname::text AS schema, ty.typname::text AS name,
  ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = ty.oid ORDER BY e.enumsortorder) AS labels
FROM pg_catalog.pg_type ty
JOIN pg_catalog.pg_namespace n ON n.oid = ty.typnamespace
WHERE ty.typtype = 'e' AND (n.nspname = ANY($1::text[]) OR ty.oid IN (
  SELECT CASE WHEN at.typcategory = 'A' THEN at.typelem ELSE at.oid END
  FROM tables t
  JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0
  JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
))`

/**
 * portablePrints is a CTE that sets, for the statement's transaction alone, the search_path under which
 * pg_get_viewdef and format_type qualify every name outside pg_catalog and public, whatever the session's
 * (a database `SET search_path = app, public` printed `FROM station` for `FROM app.station`, text that a
 * migration writes into CREATE VIEW and that other connections cannot read). A query joins it, so that it is
 * set before any row is printed.
 */
export const portablePrints = `portable_prints AS MATERIALIZED (SELECT set_config('search_path', 'pg_catalog, public', true) AS search_path)`

/** viewColumnsOf is the JSON list of the output columns (name, type) of the view row `alias` of pg_class. */
export function viewColumnsOf(alias: string): string {
  return `COALESCE((SELECT json_agg(json_build_object('name', a.attname::text, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
    FROM pg_catalog.pg_attribute a WHERE a.attrelid = ${alias}.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]')`
}

export interface ViewRow {
  readonly schema: string
  readonly name: string
  readonly materialized: boolean
  readonly definition: string
  readonly columns: readonly { readonly name: string; readonly type: string }[]
  readonly reads: readonly { readonly schema: string; readonly name: string; readonly columns: readonly string[] }[]
  readonly comment: string | null
}
/**
 * The views and materialized views in scope: the definition as pg_get_viewdef prints it (see portablePrints), the output columns,
 * the comment, and what each reads (the tables, views and columns its rewrite rule depends on: pg_depend of pg_rewrite).
 */
export const viewsQuery = `WITH ${portablePrints}
SELECT n.nspname::text AS schema, c.relname::text AS name, c.relkind = 'm' AS materialized,
  pg_get_viewdef(c.oid) AS definition,
  ${viewColumnsOf('c')} AS columns,
  obj_description(c.oid, 'pg_class') AS comment,
  COALESCE((SELECT json_agg(json_build_object('schema', r.schema, 'name', r.name, 'columns', r.columns) ORDER BY r.schema, r.name)
    FROM (
      SELECT rn.nspname::text AS schema, rc.relname::text AS name,
        COALESCE(array_agg(DISTINCT ra.attname::text) FILTER (WHERE ra.attname IS NOT NULL), '{}') AS columns
      FROM pg_catalog.pg_rewrite w
      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = w.oid
        AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'n'
      JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid
      JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
      LEFT JOIN pg_catalog.pg_attribute ra ON ra.attrelid = rc.oid AND ra.attnum = d.refobjsubid AND d.refobjsubid > 0
      WHERE w.ev_class = c.oid AND rc.oid <> c.oid
      GROUP BY rn.nspname, rc.relname
    ) r), '[]') AS reads
FROM portable_prints, pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
  AND n.nspname = ANY($1::text[])
  AND NOT (c.relname = ANY($2::text[]) OR n.nspname || '.' || c.relname = ANY($2::text[]))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')`

export interface TriggerRow {
  readonly schema: string
  readonly table: string
  readonly name: string
  readonly definition: string
  readonly columns: readonly string[]
  /** The source of its function where that is PL/pgSQL, whose `NEW.x` and `OLD.x` the database does not track. */
  readonly function_body: string | null
  /** The arguments its function is called with (pg_trigger.tgargs), in hex: each ends with a zero byte. */
  readonly arguments_hex: string
}
/**
 * The triggers made on the tables in scope (not those of constraints): the definition as pg_get_triggerdef
 * prints it, the columns it reads in `UPDATE OF` or WHEN (pg_depend of pg_trigger), and its function's source.
 */
export const triggersQuery = `${scopedTables}
SELECT t.schema, t.name AS table, g.tgname::text AS name, pg_get_triggerdef(g.oid) AS definition,
  COALESCE((SELECT array_agg(a.attname::text ORDER BY a.attnum)
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_catalog.pg_trigger'::regclass AND d.objid = g.oid
      AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = g.tgrelid AND d.refobjsubid > 0), '{}') AS columns,
  CASE WHEN l.lanname = 'plpgsql' THEN p.prosrc END AS function_body,
  encode(g.tgargs, 'hex') AS arguments_hex
FROM tables t
JOIN pg_catalog.pg_trigger g ON g.tgrelid = t.oid
JOIN pg_catalog.pg_proc p ON p.oid = g.tgfoid
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE NOT g.tgisinternal`
