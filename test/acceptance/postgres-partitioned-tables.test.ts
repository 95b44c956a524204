import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A schema written by hand partitions its big tables (pagila's payment, by month), which no entity declares:
// the entity maps the partitioned table, and its partitions are the database's own. PostgreSQL builds nothing
// online on a partitioned table (CREATE INDEX CONCURRENTLY, a NOT VALID foreign key), and a table up drops
// comes back partitioned, with its partitions, in down.

@Entity('customer')
class Customer {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'customer_pkey' }) id: number
}

@Entity('payment')
@Index('idx_payment_amount', ['amount'])
class Payment {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'payment_pkey' }) id: number
  @PrimaryColumn({ name: 'paid_at', type: 'timestamptz', primaryKeyConstraintName: 'payment_pkey' }) paidAt: Date
  @Column({ type: 'numeric', precision: 5, scale: 2 }) amount: string
  @Column({ name: 'customer_id', type: 'integer' }) customerId: number
}

@Entity('payment')
@Index('idx_payment_amount', ['amount'])
@Index('idx_payment_customer', ['customer'])
class PaymentOfCustomer extends Payment {
  @ManyToOne(() => Customer) @JoinColumn({ name: 'customer_id' }) customer: Customer
}

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('partitioned')
  await db.query(`CREATE TABLE customer (id serial PRIMARY KEY);
    CREATE TABLE payment (id integer NOT NULL, paid_at timestamptz NOT NULL, amount numeric(5,2) NOT NULL, customer_id integer NOT NULL,
      CONSTRAINT payment_pkey PRIMARY KEY (id, paid_at)) PARTITION BY RANGE (paid_at);
    CREATE TABLE payment_2022 PARTITION OF payment FOR VALUES FROM ('2022-01-01') TO ('2023-01-01') PARTITION BY RANGE (paid_at);
    CREATE TABLE payment_2022_h1 PARTITION OF payment_2022 FOR VALUES FROM ('2022-01-01') TO ('2022-07-01');
    CREATE TABLE payment_2022_h2 PARTITION OF payment_2022 DEFAULT;
    CREATE TABLE payment_later PARTITION OF payment DEFAULT;
    CREATE INDEX idx_payment_amount ON payment (amount);
    INSERT INTO customer DEFAULT VALUES;
    INSERT INTO payment VALUES (1, '2022-03-01', 2.99, 1), (2, '2024-01-01', 0.99, 1)`)
})
afterEach(async () => db?.drop())

const tree = `SELECT c.relname AS name, p.relname AS parent, pg_get_expr(c.relpartbound, c.oid) AS bound
  FROM pg_partition_tree('payment') t JOIN pg_class c ON c.oid = t.relid LEFT JOIN pg_class p ON p.oid = t.parentrelid ORDER BY t.level, c.relname`

it('makes a partitioned table that up drops again in down, partitioned, with its partitions', async () => {
  expect(await pendingChanges(db, [Customer, Payment])).toEqual([])
  const treeBefore = await db.query(tree)
  const before = postgresSchemaDump(db)
  await migrateTo(db, [Customer], 'DropPayment')
  await revertLast(db, [Customer])
  expect(await db.query(tree)).toEqual(treeBefore)
  expect(postgresSchemaDump(db)).toEqual(before)
  expect(await pendingChanges(db, [Customer, Payment])).toEqual([])
})

it('builds the index and foreign key of a partitioned table in the transaction with --online', async () => {
  const project = () => projectFor(db, [Customer, PaymentOfCustomer])
  const { comparison } = await generateMigration(project(), 'PaymentCustomer', 1_700_000_000_000, { online: true })
  expect(comparison.up.filter((op) => 'online' in op && op.online === true)).toEqual([])
  expect(comparison.hazards.map((h) => h.message).join('\n')).toContain(
    'the database adds no foreign key of a partitioned table NOT VALID (not with --online either): run it when the table is quiet')
  await upgrade(project())
  expect((await compareProject(project())).up).toEqual([])
})
