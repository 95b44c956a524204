import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Author } from './author.entity'

/** AuthorProfile holds an author's public profile; owns the one-to-one link to Author. */
@Entity()
export class AuthorProfile {
  @PrimaryGeneratedColumn('uuid')
  id: string

  @OneToOne(() => Author, (author) => author.profile, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'authorId' })
  author: Author

  @Column({ type: 'varchar', length: 500, nullable: true })
  avatarUrl: string | null

  @Column({ type: 'simple-json', nullable: true })
  socialLinks: Record<string, string> | null

  @Column({ type: 'simple-array' })
  interests: string[]
}
