import { ChildEntity, Column } from 'typeorm'
import { Post } from './post.entity'

/** BlogPost is a written post (single-table child of Post, discriminator `article`). */
@ChildEntity('article')
export class BlogPost extends Post {
  @Column({ type: 'text', nullable: true })
  body: string | null

  @Column({ type: 'integer', nullable: true })
  readingMinutes: number | null

  @Column({ type: 'simple-array', nullable: true })
  keywords: string[] | null
}
