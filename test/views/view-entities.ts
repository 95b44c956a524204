import type { DataSource } from 'typeorm'
import { Column, Entity, Index, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'

// Two tables and views over them in the forms apps write: every one must compare equal to the database it
// created (no churn), on every dialect. The SQL is portable between SQLite and PostgreSQL.

@Entity('shop_customer')
export class Customer {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) name: string
}

@Entity('shop_order')
export class Order {
  @PrimaryGeneratedColumn() id: number
  @Column() customer_id: number
  @Column({ type: 'integer' }) total: number
  @Column({ type: 'varchar', length: 40, nullable: true }) note: string | null
}

/** Order with `total` widened to bigint and `note` to text: a type change (PostgreSQL), a rebuild (SQLite). */
@Entity('shop_order')
export class OrderRetyped {
  @PrimaryGeneratedColumn() id: number
  @Column() customer_id: number
  @Column({ type: 'bigint' }) total: number
  @Column({ type: 'text', nullable: true }) note: string | null
}

@ViewEntity({ name: 'v_columns', expression: 'SELECT id, name FROM shop_customer' })
export class ColumnsView { @ViewColumn() id: number; @ViewColumn() name: string }

@ViewEntity({ name: 'v_star', expression: 'SELECT * FROM shop_customer' })
export class StarView { @ViewColumn() id: number; @ViewColumn() name: string }

@ViewEntity({ name: 'v_join', expression: 'SELECT c.name, o.total FROM shop_customer c JOIN shop_order o ON o.customer_id = c.id' })
export class JoinView { @ViewColumn() name: string; @ViewColumn() total: number }

@ViewEntity({
  name: 'v_spent',
  expression: `SELECT customer_id, COUNT(*) AS orders, SUM(total) AS spent
    FROM shop_order
    GROUP BY customer_id
    HAVING COUNT(*) > 0`,
})
export class SpentView { @ViewColumn() customer_id: number; @ViewColumn() orders: number; @ViewColumn() spent: number }

@ViewEntity({ name: 'v_cte', expression: 'WITH big AS (SELECT * FROM shop_order WHERE total > 100) SELECT customer_id, total FROM big' })
export class CteView { @ViewColumn() customer_id: number; @ViewColumn() total: number }

@ViewEntity({ name: 'v_cast', expression: 'SELECT id, CAST(total AS TEXT) AS total_text, CAST(customer_id AS REAL) AS customer FROM shop_order' })
export class CastView { @ViewColumn() id: number; @ViewColumn() total_text: string; @ViewColumn() customer: number }

@ViewEntity({ name: 'v_quoted', expression: 'SELECT "id" AS "Customer Id", "name" AS "Name" FROM "shop_customer"' })
export class QuotedView { @ViewColumn({ name: 'Customer Id' }) id: number; @ViewColumn({ name: 'Name' }) name: string }

@ViewEntity({ name: 'v_lower', expression: "select name from shop_customer where name like 'a%' or name = 'it''s'" })
export class LowerView { @ViewColumn() name: string }

@ViewEntity({
  name: 'v_case',
  expression: "SELECT id, CASE WHEN total > 100 THEN 'big' ELSE 'small' END AS size, COALESCE(note, '') AS note FROM shop_order",
})
export class CaseView { @ViewColumn() id: number; @ViewColumn() size: string; @ViewColumn() note: string }

@ViewEntity({
  name: 'v_exists',
  expression: 'SELECT c.id FROM shop_customer c WHERE EXISTS (SELECT 1 FROM shop_order o WHERE o.customer_id = c.id) UNION SELECT 0',
})
export class ExistsView { @ViewColumn() id: number }

@ViewEntity({
  name: 'v_builder',
  expression: (dataSource: DataSource) =>
    dataSource.createQueryBuilder().select('customer.id', 'id').addSelect('customer.name', 'name').from(Customer, 'customer').where('customer.id > 0'),
})
export class BuilderView { @ViewColumn() id: number; @ViewColumn() name: string }

@ViewEntity({ name: 'v_on_view', expression: 'SELECT customer_id FROM v_spent WHERE spent > 10', dependsOn: [SpentView] })
export class OnViewView { @ViewColumn() customer_id: number }

/** Every view form, reading Customer and Order. */
export const viewForms = [
  ColumnsView, StarView, JoinView, SpentView, CteView, CastView, QuotedView, LowerView, CaseView, ExistsView, BuilderView, OnViewView,
]

@ViewEntity({ name: 'v_cast', expression: 'SELECT id, CAST(total AS CHAR) AS total_text, CAST(customer_id AS DOUBLE) AS customer FROM shop_order' })
export class MysqlCastView { @ViewColumn() id: number; @ViewColumn() total_text: string; @ViewColumn() customer: number }

@ViewEntity({ name: 'v_quoted', expression: 'SELECT `id` AS `Customer Id`, `name` AS `Name` FROM `shop_customer`' })
export class MysqlQuotedView { @ViewColumn({ name: 'Customer Id' }) id: number; @ViewColumn({ name: 'Name' }) name: string }

/** viewFormsOn is viewForms as a dialect spells them: MySQL casts to CHAR and DOUBLE and quotes names with backticks. */
export function viewFormsOn(label: string): typeof viewForms {
  if (label !== 'mariadb') return viewForms
  return viewForms.map((v) => (v === CastView ? MysqlCastView : v === QuotedView ? MysqlQuotedView : v))
}

/** SpentView with another definition of the same columns. */
@ViewEntity({
  name: 'v_spent',
  expression: 'SELECT customer_id, COUNT(*) AS orders, SUM(total) AS spent FROM shop_order WHERE total > 0 GROUP BY customer_id',
})
export class SpentViewChanged { @ViewColumn() customer_id: number; @ViewColumn() orders: number; @ViewColumn() spent: number }

/** SpentView with a column more: PostgreSQL cannot replace it in place either way. */
@ViewEntity({
  name: 'v_spent',
  expression: 'SELECT customer_id, COUNT(*) AS orders, SUM(total) AS spent, MAX(total) AS largest FROM shop_order GROUP BY customer_id',
})
export class SpentViewWider { @ViewColumn() customer_id: number; @ViewColumn() orders: number; @ViewColumn() spent: number; @ViewColumn() largest: number }

/** A view whose query builder needs a live connection: it is reported and left alone. */
@ViewEntity({
  name: 'v_needs_connection',
  expression: () => {
    throw new Error('no connection yet')
  },
})
export class NeedsConnectionView { @ViewColumn() id: number }

/** A view whose query builder has parameters, which TypeORM writes unbound (`:minimum`): it is reported and left alone. */
@ViewEntity({
  name: 'v_big_orders',
  expression: (dataSource: DataSource) => dataSource.createQueryBuilder()
    .select('o.id', 'id').from(Order, 'o')
    .where('o.total > :minimum', { minimum: 100 })
    .andWhere('o.customer_id IN (:...customers)', { customers: [1, 2], unused: 3 }),
})
export class ParameterizedView { @ViewColumn() id: number }

/** A materialized view with an index (PostgreSQL). */
@ViewEntity({ name: 'mv_spent', materialized: true, expression: 'SELECT customer_id, SUM(total) AS spent FROM shop_order GROUP BY customer_id' })
@Index('IDX_mv_spent_customer', ['customer_id'], { unique: true })
export class SpentMaterialized { @ViewColumn() customer_id: number; @ViewColumn() spent: number }

/** SpentMaterialized without its index. */
@ViewEntity({ name: 'mv_spent', materialized: true, expression: 'SELECT customer_id, SUM(total) AS spent FROM shop_order GROUP BY customer_id' })
export class SpentMaterializedUnindexed { @ViewColumn() customer_id: number; @ViewColumn() spent: number }

/** The same materialized view with another definition of its own (its tables unchanged). */
@ViewEntity({ name: 'mv_spent', materialized: true, expression: 'SELECT customer_id, SUM(total) AS spent FROM shop_order WHERE total > 0 GROUP BY customer_id' })
@Index('IDX_mv_spent_customer', ['customer_id'], { unique: true })
export class SpentMaterializedChanged { @ViewColumn() customer_id: number; @ViewColumn() spent: number }

/** Order without its note column. */
@Entity('shop_order')
export class OrderWithoutNote {
  @PrimaryGeneratedColumn() id: number
  @Column() customer_id: number
  @Column({ type: 'integer' }) total: number
}

/** A table with an enum column (PostgreSQL), and the same with one more label. */
@Entity('ticket')
export class Ticket {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['open', 'closed'], enumName: 'ticket_state' }) state: string
}
@Entity('ticket')
export class TicketWithLabel {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: ['open', 'closed', 'waiting'], enumName: 'ticket_state' }) state: string
}

/** Employees, a materialized view of the well paid with an index, and the changes that re-create that view (PostgreSQL). */
@Entity('emp')
export class Employee {
  @PrimaryGeneratedColumn() id: number
  @Column({ length: 50 }) name: string
  @Column() salary: number
}
@Entity('emp')
export class EmployeeBigintSalary {
  @PrimaryGeneratedColumn() id: number
  @Column({ length: 50 }) name: string
  @Column('bigint') salary: number
}
@ViewEntity({ name: 'rich_emp', materialized: true, expression: 'SELECT id, name, salary FROM emp WHERE salary > 10' })
@Index(['salary'])
export class RichEmployee { @ViewColumn() id: number; @ViewColumn() name: string; @ViewColumn() salary: number }
@ViewEntity({ name: 'rich_emp', materialized: true, expression: 'SELECT id, name, salary FROM emp WHERE salary > 20' })
@Index(['salary'])
export class RicherEmployee { @ViewColumn() id: number; @ViewColumn() name: string; @ViewColumn() salary: number }
/** RichEmployee with its index made a hash index (TypeORM writes `USING hash`, on a view's index as on a table's). */
@ViewEntity({ name: 'rich_emp', materialized: true, expression: 'SELECT id, name, salary FROM emp WHERE salary > 10' })
@Index(['salary'], { type: 'hash' })
export class RichEmployeeHashSalary { @ViewColumn() id: number; @ViewColumn() name: string; @ViewColumn() salary: number }
/** RichEmployee without its index, and with a unique partial index more. */
@ViewEntity({ name: 'rich_emp', materialized: true, expression: 'SELECT id, name, salary FROM emp WHERE salary > 10' })
export class RichEmployeeUnindexed { @ViewColumn() id: number; @ViewColumn() name: string; @ViewColumn() salary: number }
@ViewEntity({ name: 'rich_emp', materialized: true, expression: 'SELECT id, name, salary FROM emp WHERE salary > 10' })
@Index(['salary'])
@Index('rich_emp_name', ['name'], { unique: true, where: 'salary > 20' })
export class RichEmployeeUniqueName { @ViewColumn() id: number; @ViewColumn() name: string; @ViewColumn() salary: number }
