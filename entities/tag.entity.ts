import { Column, Entity, Index, ManyToMany, PrimaryGeneratedColumn } from 'typeorm'
import { Post } from './post.entity'

/** Tag labels posts (inverse side of the Post <-> Tag many-to-many). */
@Entity()
export class Tag {
  @PrimaryGeneratedColumn()
  id: number

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 50 })
  name: string

  @Column({ default: false })
  featured: boolean

  @ManyToMany(() => Post, (post) => post.tags)
  posts?: Post[]
}
