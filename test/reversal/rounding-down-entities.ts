import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

// A price whose amount `up` gives cents and whose time `up` gives milliseconds: `down` would round both away.

/** priceEntity is the table `price` with `amount` and `paidAt` as each side of the migration declares them. */
export function priceEntity(moment: 'timestamp' | 'datetime', widened: boolean): Function {
  @Entity('price')
  class Price {
    @PrimaryGeneratedColumn() id: number
    @Column(widened ? { type: 'decimal', precision: 12, scale: 2 } : { type: 'integer' }) amount: number
    @Column({ type: moment, precision: widened ? 3 : 0 }) paidAt: Date
  }
  return Price
}
