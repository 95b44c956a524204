import { Column } from 'typeorm'

/** Address is a postal address embedded into an owning entity's table (columns get the owner's prefix). */
export class Address {
  @Column({ type: 'varchar', length: 200 })
  street: string

  @Column({ type: 'varchar', length: 100 })
  city: string

  @Column({ type: 'varchar', length: 20, nullable: true })
  postalCode: string | null

  @Column({ type: 'varchar', length: 2, default: 'US' })
  country: string
}
