import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { dropAndRestore } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// A foreign key written by hand may be MATCH FULL (a row gives all of its columns or none), which no entity
// declares. The key is the entity's all the same, and a `down` making it again makes it MATCH FULL again.

@Entity('customer')
class Customer {
  @PrimaryGeneratedColumn() id: number
}

@Entity('payment')
class Payment {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => Customer, { onUpdate: 'CASCADE' }) @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'payment_customer_id_fkey' }) customer: Customer
  @Column({ type: 'numeric', precision: 5, scale: 2 }) amount: string
}

it('makes a MATCH FULL foreign key of a table that up drops again MATCH FULL in down', async () => {
  const { source } = await dropAndRestore(() => createPostgresDatabase('matchfull'), [Customer, Payment], [Customer], [
    `ALTER TABLE payment DROP CONSTRAINT payment_customer_id_fkey, ADD CONSTRAINT payment_customer_id_fkey
      FOREIGN KEY (customer_id) REFERENCES customer (id) MATCH FULL ON UPDATE CASCADE`,
  ], async (restored) => {
    expect(await restored.query(`SELECT confmatchtype AS match FROM pg_constraint WHERE conname = 'payment_customer_id_fkey'`))
      .toEqual([{ match: 'f' }])
  })
  expect(source).toContain('REFERENCES "public"."customer"("id") MATCH FULL ON DELETE NO ACTION ON UPDATE CASCADE')
})
