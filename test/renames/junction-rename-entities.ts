import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from '../../src/source/renamed-from'

// A post owning tags through a derived junction (post_tags_tag: postId, tagId), then every name it derives
// from renamed at once: post -> article, tag -> label, the property tags -> labels.

@Entity('tag')
export class TagV1 {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

@Entity('post')
export class PostV1 {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @ManyToMany(() => TagV1) @JoinTable() tags: TagV1[]
}

@Entity('label')
@RenamedFrom('tag')
export class Label {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

@Entity('article')
@RenamedFrom('post')
export class Article {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @RenamedFrom('tags') @ManyToMany(() => Label) @JoinTable() labels: Label[]
}
