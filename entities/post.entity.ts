import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  TableInheritance,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm'
import { Author } from './author.entity'
import { Comment } from './comment.entity'
import { PostStatus } from './post-status.enum'
import { Publisher } from './publisher.entity'
import { Tag } from './tag.entity'

/**
 * Post is the base of the single-table hierarchy (BlogPost, PodcastEpisode); the `kind` column tells
 * the subtypes apart.
 */
@Entity()
@TableInheritance({ column: { name: 'kind', type: 'varchar', length: 20 } })
@Index(['status', 'publishedAt'])
@Index(['publishedAt'], { where: '"deletedAt" IS NULL' })
export class Post {
  @PrimaryGeneratedColumn()
  id: number

  @Column()
  title: string

  @Column({ type: 'varchar', length: 160, unique: true })
  slug: string

  @Column({ type: 'text', nullable: true })
  summary: string | null

  @Column({ type: 'simple-enum', enum: PostStatus, default: PostStatus.Draft })
  status: PostStatus

  @Column({ default: 0 })
  views: number

  // Under strict, `Date | null` is emitted as design type Object, which TypeORM rejects: the type is explicit.
  @Column({ type: Date, nullable: true })
  publishedAt: Date | null

  @ManyToOne(() => Author, (author) => author.posts, { nullable: false, onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  author: Author

  @ManyToOne(() => Publisher, (publisher) => publisher.posts, { nullable: true, onDelete: 'SET NULL' })
  publisher: Publisher | null

  @ManyToMany(() => Tag, (tag) => tag.posts)
  @JoinTable()
  tags?: Tag[]

  @OneToMany(() => Comment, (comment) => comment.post)
  comments?: Comment[]

  @CreateDateColumn()
  createdAt: Date

  @UpdateDateColumn()
  updatedAt: Date

  @DeleteDateColumn()
  deletedAt: Date | null

  @VersionColumn()
  version: number
}
