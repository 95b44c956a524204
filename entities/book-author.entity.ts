import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm'
import { Author } from './author.entity'
import { Book } from './book.entity'

/** BookAuthor credits an author on a book; its primary key is the pair (bookId, authorId). */
@Entity()
export class BookAuthor {
  @PrimaryColumn({ type: 'integer' })
  bookId: number

  @PrimaryColumn({ type: 'integer' })
  authorId: number

  @ManyToOne(() => Book, (book) => book.contributors, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'bookId' })
  book: Book

  @ManyToOne(() => Author, (author) => author.bookCredits, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'authorId' })
  author: Author

  @Column()
  position: number

  @Column({ type: 'varchar', length: 40, default: 'author' })
  role: string

  @Column({ type: 'decimal', precision: 5, scale: 2, nullable: true })
  royaltyPercent: string | null
}
