import { Check, Column, Entity, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { BookAuthor } from './book-author.entity'
import { quoted } from './database-url'
import { Publisher } from './publisher.entity'

/** Book is a published title; one row per edition. */
@Entity()
@Unique(['title', 'edition'])
@Check(`${quoted('price')} >= 0`)
@Check('CHK_book_page_count_positive', `${quoted('pageCount')} IS NULL OR ${quoted('pageCount')} > 0`)
export class Book {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'varchar', length: 200 })
  title: string

  @Column({ type: 'integer', default: 1 })
  edition: number

  @Column({ type: 'varchar', length: 13, unique: true })
  isbn: string

  @Column({ type: 'decimal', precision: 10, scale: 2, default: 0 })
  price: string

  @Column({ type: 'integer', nullable: true })
  pageCount: number | null

  @Column({ type: 'float', nullable: true })
  weightKg: number | null

  @Column({ type: 'double precision', nullable: true })
  averageRating: number | null

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null

  @Column()
  published: boolean

  @ManyToOne(() => Publisher, (publisher) => publisher.books, {
    nullable: false,
    onDelete: 'RESTRICT',
    onUpdate: 'CASCADE',
  })
  publisher: Publisher

  @OneToMany(() => BookAuthor, (credit) => credit.book)
  contributors?: BookAuthor[]
}
