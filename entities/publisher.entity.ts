import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import { Address } from './address.embedded'
import { Book } from './book.entity'
import { Post } from './post.entity'

/** Publisher publishes books and sponsors posts; its headquarters address is embedded. */
@Entity()
export class Publisher {
  @PrimaryGeneratedColumn('uuid')
  id: string

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 120 })
  name: string

  @Column(() => Address, { prefix: 'hq' })
  headquarters: Address

  @Column({ type: 'varchar', length: 255, nullable: true })
  website: string | null

  @UpdateDateColumn()
  updatedAt: Date

  @OneToMany(() => Book, (book) => book.publisher)
  books?: Book[]

  @OneToMany(() => Post, (post) => post.publisher)
  posts?: Post[]
}
