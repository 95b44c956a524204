import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { EntityList } from '../support/migration-cycle'

/** Dialect is a database the forms are applied on. */
export type Dialect = 'postgres' | 'sqlite' | 'mariadb'

/** ByDialect gives a value per dialect; a form applies only where it has one. */
type ByDialect<T> = Partial<Record<Dialect, T>>

/**
 * ExpressionForm is one way of writing an expression, placed where entities put expressions: a column
 * default (`type` is the column's type), a `@Check`, an `@Index({ where })` predicate or a generated column
 * (`asExpression`, `type` its type). `sql` is the entity's text, per dialect (`both` when it reads the same).
 */
export interface ExpressionForm {
  readonly label: string
  readonly place: 'default' | 'check' | 'where' | 'computed'
  readonly sql: ByDialect<string>
  readonly type?: ByDialect<string>
}

const both = (sql: string): ByDialect<string> => ({ postgres: sql, sqlite: sql })
const all = (sql: string): ByDialect<string> => ({ postgres: sql, sqlite: sql, mariadb: sql })
const my = (sql: string): ByDialect<string> => ({ mariadb: sql })
const pg = (sql: string): ByDialect<string> => ({ postgres: sql })
const lite = (sql: string): ByDialect<string> => ({ sqlite: sql })
const int = { postgres: 'int', sqlite: 'integer', mariadb: 'int' }
const text = { postgres: 'text', sqlite: 'text', mariadb: 'text' }
const bool = { postgres: 'boolean', sqlite: 'boolean', mariadb: 'boolean' }

/** The forms: casts, AT TIME ZONE, operators, calls, CASE, arrays, JSON, quotes, unicode, NULL, IN, BETWEEN, LIKE. */
export const expressionForms: readonly ExpressionForm[] = [
  // Defaults
  { label: 'cast with ::', place: 'default', sql: pg("'1'::int"), type: int },
  { label: 'CAST(x AS text)', place: 'default', sql: both('CAST(42 AS text)'), type: text },
  { label: 'AT TIME ZONE, parenthesized', place: 'default', sql: pg("(now() at time zone 'utc')"), type: { postgres: 'timestamp' } },
  { label: 'AT TIME ZONE, bare', place: 'default', sql: pg("now() AT TIME ZONE 'utc'"), type: { postgres: 'timestamp' } },
  { label: 'arithmetic', place: 'default', sql: all('1 + 2 * 3'), type: int },
  { label: 'comparison', place: 'default', sql: all('1 < 2'), type: bool },
  { label: 'lower()', place: 'default', sql: all("lower('ABC')"), type: text },
  { label: 'coalesce()', place: 'default', sql: all("coalesce(NULL, 'x')"), type: text },
  { label: 'now()', place: 'default', sql: pg('now()'), type: { postgres: 'timestamptz' } },
  { label: 'gen_random_uuid()', place: 'default', sql: pg('gen_random_uuid()'), type: { postgres: 'uuid' } },
  { label: "datetime('now')", place: 'default', sql: lite("datetime('now')"), type: { sqlite: 'datetime' } },
  { label: 'strftime()', place: 'default', sql: lite("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"), type: text },
  { label: 'CASE WHEN', place: 'default', sql: all("CASE WHEN 1 > 0 THEN 'pos' ELSE 'neg' END"), type: text },
  { label: 'ARRAY[1,2]', place: 'default', sql: pg('ARRAY[1,2]'), type: { postgres: 'int[]' } },
  { label: "'{}'::int[]", place: 'default', sql: pg("'{}'::int[]"), type: { postgres: 'int[]' } },
  { label: 'jsonb literal', place: 'default', sql: pg(`'{"a":1}'::jsonb`), type: { postgres: 'jsonb' } },
  { label: 'JSON text', place: 'default', sql: both("'[]'"), type: { postgres: 'json', sqlite: 'text' } },
  { label: 'json()', place: 'default', sql: lite("json('[1, 2]')"), type: text },
  { label: 'doubled quote', place: 'default', sql: all("'it''s'"), type: text },
  { label: 'unicode in a string', place: 'default', sql: all("'naïve ✓'"), type: text },
  { label: 'negative integer', place: 'default', sql: all('-5'), type: int },
  { label: 'negative decimal', place: 'default', sql: all('-1.5'), type: { postgres: 'numeric', sqlite: 'real', mariadb: 'double' } },
  { label: 'boolean', place: 'default', sql: all('true'), type: bool },
  { label: 'NULL', place: 'default', sql: all('NULL'), type: text },
  { label: 'CURRENT_DATE', place: 'default', sql: all('CURRENT_DATE'), type: { postgres: 'date', sqlite: 'date', mariadb: 'date' } },
  { label: 'CURRENT_TIMESTAMP', place: 'default', sql: all('CURRENT_TIMESTAMP'), type: { postgres: 'timestamptz', sqlite: 'datetime', mariadb: 'datetime' } },
  { label: 'nested parentheses', place: 'default', sql: all('((1 + 2) * (3 - 1))'), type: int },
  { label: 'IN (...)', place: 'default', sql: all('2 IN (1, 2, 3)'), type: bool },
  { label: 'BETWEEN', place: 'default', sql: all('5 BETWEEN 1 AND 10'), type: bool },
  { label: 'LIKE', place: 'default', sql: all("'abc' LIKE 'a%'"), type: bool },
  { label: 'IS NOT NULL', place: 'default', sql: all("'x' IS NOT NULL"), type: bool },
  { label: 'concatenation', place: 'default', sql: both("'a' || 'b'"), type: text },
  { label: 'typed literal', place: 'default', sql: pg("interval '1 day'"), type: { postgres: 'interval' } },
  { label: 'concat()', place: 'default', sql: my("concat('a', 'b')"), type: text },
  { label: 'curdate()', place: 'default', sql: my('curdate()'), type: { mariadb: 'date' } },
  { label: 'now() on a datetime', place: 'default', sql: my('now()'), type: { mariadb: 'datetime' } },
  { label: 'time arithmetic', place: 'default', sql: pg("CURRENT_TIMESTAMP - interval '1 hour'"), type: { postgres: 'timestamptz' } },
  // Checks, on the host table's columns
  { label: 'check: comparison', place: 'check', sql: all('qty > 0') },
  { label: 'check: cast', place: 'check', sql: { postgres: "qty::text <> ''", sqlite: "CAST(qty AS text) <> ''" } },
  { label: 'check: BETWEEN with a negative', place: 'check', sql: all('price BETWEEN -1 AND 100') },
  { label: 'check: LIKE or IS NULL', place: 'check', sql: all("name LIKE 'a%' OR name IS NULL") },
  { label: 'check: IN with quotes and unicode', place: 'check', sql: all("name IN ('it''s', 'naïve ✓', 'abc')") },
  { label: 'check: CASE', place: 'check', sql: all('CASE WHEN qty > 10 THEN price > 0 ELSE true END') },
  { label: 'check: nested calls', place: 'check', sql: all("coalesce(lower(name), '') <> 'x'") },
  {
    label: 'check: timestamp cast', place: 'check',
    sql: { postgres: "created IS NULL OR created > '2000-01-01'::timestamp", sqlite: "created IS NULL OR created > '2000-01-01'", mariadb: "created IS NULL OR created > '2000-01-01'" },
  },
  { label: 'check: array', place: 'check', sql: pg("tags IS NULL OR tags <> '{}'::int[]") },
  {
    label: 'check: json', place: 'check',
    sql: { postgres: "data IS NULL OR jsonb_typeof(data) = 'object'", sqlite: 'data IS NULL OR json_valid(data)', mariadb: 'data IS NULL OR json_valid(data)' },
  },
  // MariaDB stores this check without its outer parentheses: reconcile asks the server how it reads both.
  { label: 'check: nested parentheses', place: 'check', sql: all('((qty + 1) * (qty - 1)) >= 0') },
  // Partial index predicates
  { label: 'where: comparison', place: 'where', sql: both('qty > 0') },
  { label: 'where: IS NOT NULL', place: 'where', sql: both('name IS NOT NULL') },
  { label: 'where: LIKE', place: 'where', sql: both("name LIKE 'a%'") },
  { label: 'where: IN', place: 'where', sql: both('qty IN (1, 2, 3)') },
  { label: 'where: BETWEEN', place: 'where', sql: both('price BETWEEN 1 AND 2') },
  { label: 'where: call and doubled quote', place: 'where', sql: both("lower(name) <> 'it''s'") },
  { label: 'where: NOT and parentheses', place: 'where', sql: both('NOT (qty = 5)') },
  { label: 'where: typed comparison', place: 'where', sql: { postgres: "created > '2020-01-01'::timestamp", sqlite: "created > '2020-01-01'" } },
  // Generated columns: stored on PostgreSQL, virtual and stored on SQLite and MariaDB
  { label: 'computed: arithmetic', place: 'computed', sql: all('qty * 2'), type: int },
  { label: 'computed: lower()', place: 'computed', sql: all('lower(name)'), type: text },
  { label: 'computed: coalesce with quotes', place: 'computed', sql: all("coalesce(name, 'it''s')"), type: text },
  { label: 'computed: CASE', place: 'computed', sql: all("CASE WHEN qty > 0 THEN 'pos' ELSE 'neg' END"), type: text },
  { label: 'computed: negative factor', place: 'computed', sql: all('price * -1'), type: { postgres: 'numeric', sqlite: 'real', mariadb: 'double' } },
  { label: 'computed: cast and unicode', place: 'computed', sql: { postgres: "qty::text || ' ✓'", sqlite: "CAST(qty AS text) || ' ✓'", mariadb: "concat(qty, ' ✓')" }, type: text },
  { label: 'computed: nested parentheses', place: 'computed', sql: all('(qty + 1) * (qty - 1)'), type: int },
  // MariaDB stores these under other names and forms (substr, `qty MOD 3`, the charset it cast to, ucase).
  { label: 'computed: SUBSTRING and UPPER', place: 'computed', sql: my('UPPER(SUBSTRING(name, 1, 1))'), type: text },
  { label: 'computed: MOD()', place: 'computed', sql: my('qty DIV 2 + MOD(qty, 3)'), type: int },
  { label: 'computed: CAST AS CHAR', place: 'computed', sql: my('CAST(qty AS CHAR)'), type: text },
]

/** formsOn lists the forms that apply on a dialect, with that dialect's text. */
export function formsOn(dialect: Dialect): (ExpressionForm & { readonly text: string })[] {
  return expressionForms.flatMap((f) => {
    const text = f.sql[dialect]
    return text !== undefined && (f.type === undefined || f.type[dialect] !== undefined) ? [{ ...f, text }] : []
  })
}

/**
 * formEntities builds two entities holding every form of a dialect: `forms_defaults` (one nullable column
 * per default) and `forms_host` (the columns the checks, predicates and generated columns use, and those).
 */
export function formEntities(dialect: Dialect): EntityList {
  const forms = formsOn(dialect)
  class FormsDefaults {}
  class FormsHost {}
  PrimaryGeneratedColumn()(FormsDefaults.prototype, 'id')
  PrimaryGeneratedColumn()(FormsHost.prototype, 'id')
  const host: Record<string, Record<string, unknown>> = {
    qty: { type: int[dialect], default: 1 },
    price: { type: { postgres: 'numeric', sqlite: 'real', mariadb: 'double' }[dialect], default: 1 },
    name: { type: 'varchar', nullable: true },
    created: { type: dialect === 'postgres' ? 'timestamp' : 'datetime', nullable: true },
    data: { type: dialect === 'postgres' ? 'jsonb' : 'text', nullable: true },
    ...(dialect === 'postgres' && { tags: { type: 'int', array: true, nullable: true } }),
  }
  for (const [name, options] of Object.entries(host)) Column(options as never)(FormsHost.prototype, name)
  forms.forEach((form, i) => {
    const type = form.type?.[dialect]
    const array = type?.endsWith('[]') === true
    const columnType = array ? type!.slice(0, -2) : type
    switch (form.place) {
      case 'default':
        Column({ type: columnType as never, array, nullable: true, default: () => form.text })(FormsDefaults.prototype, `d${i}`)
        break
      case 'check':
        Check(`CHK_form_${i}`, form.text)(FormsHost)
        break
      case 'where':
        Index(`IDX_form_${i}`, ['qty'], { where: form.text })(FormsHost)
        break
      case 'computed':
        for (const generatedType of dialect === 'postgres' ? ['STORED'] : ['VIRTUAL', 'STORED']) {
          Column({ type: columnType as never, nullable: true, asExpression: form.text, generatedType: generatedType as never })(
            FormsHost.prototype, `c${i}_${generatedType.toLowerCase()}`)
        }
        break
    }
  })
  Entity('forms_defaults')(FormsDefaults)
  Entity('forms_host')(FormsHost)
  return [FormsDefaults, FormsHost]
}
