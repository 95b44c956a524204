import { Column, CreateDateColumn, Entity, OneToMany, OneToOne, PrimaryGeneratedColumn } from 'typeorm'
import { AuthorProfile } from './author-profile.entity'
import { BookAuthor } from './book-author.entity'
import { Post } from './post.entity'

/** Author writes posts and books; has at most one profile. */
@Entity()
export class Author {
  @PrimaryGeneratedColumn()
  id: number

  @Column()
  name: string

  @Column({ type: 'varchar', length: 255, unique: true })
  email: string

  @Column({ type: 'text', nullable: true })
  bio: string | null

  @Column({ default: true })
  active: boolean

  @CreateDateColumn()
  createdAt: Date

  @OneToOne(() => AuthorProfile, (profile) => profile.author)
  profile?: AuthorProfile

  @OneToMany(() => Post, (post) => post.author)
  posts?: Post[]

  @OneToMany(() => BookAuthor, (credit) => credit.author)
  bookCredits?: BookAuthor[]
}
