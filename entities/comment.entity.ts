import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { Author } from './author.entity'
import { Post } from './post.entity'

/** Comment is a reader's comment on a post; an author may be linked when the reader is signed in. */
@Entity()
@Index('IDX_comment_pending', ['postedAt'], { where: '"approved" = false' })
export class Comment {
  @PrimaryGeneratedColumn()
  id: number

  @ManyToOne(() => Post, (post) => post.comments, { nullable: false, onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  post: Post

  @ManyToOne(() => Author, { nullable: true, onDelete: 'SET NULL' })
  author: Author | null

  @Column({ type: 'varchar', length: 80 })
  displayName: string

  @Column({ type: 'text' })
  body: string

  @Column({ default: false })
  approved: boolean

  @Column({ default: () => 'CURRENT_TIMESTAMP' })
  postedAt: Date
}
