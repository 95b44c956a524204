import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

// A ledger whose amounts are kept as text on one side of the migration and as a number on the other.

/** ledgerEntity is the table `ledger`, its `amount` of the type given. */
export function ledgerEntity(amountType: 'varchar' | 'numeric' | 'bigint' | 'double'): Function {
  @Entity('ledger')
  class Ledger {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: amountType, nullable: true }) amount: string
  }
  return Ledger
}
