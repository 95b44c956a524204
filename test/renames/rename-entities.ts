import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { RenamedFrom } from '../../src/source/renamed-from'

// Versions of one small schema for the rename cases, shared by both dialects. V1 is where every case starts.

@Entity('post')
export class PostV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Column({ type: 'text', nullable: true }) body: string | null
}

/** body renamed to content, stated by the decorator; a new column beside it. */
@Entity('post')
export class PostContentDecorated {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @RenamedFrom('body') @Column({ type: 'text', nullable: true }) content: string | null
  @Column({ type: 'integer', default: 0 }) views: number
}

/** The same without the decorator: the rename comes from a flag, the prompt, or nowhere. */
@Entity('post')
export class PostContent {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Column({ type: 'text', nullable: true }) content: string | null
  @Column({ type: 'integer', default: 0 }) views: number
}

/** body spelled Body: the same column where column names ignore case (MySQL, SQLite), another on PostgreSQL. */
@Entity('post')
export class PostBodyCased {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Column({ type: 'text', nullable: true, name: 'Body' }) body: string | null
}

/** The table renamed, stated by the decorator. */
@Entity('article')
@RenamedFrom('post')
export class ArticleDecorated {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Column({ type: 'text', nullable: true }) body: string | null
}

@Entity('article')
export class Article {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Column({ type: 'text', nullable: true }) body: string | null
}

export enum Status {
  Draft = 'draft',
  Live = 'live',
}

// A richer pair: what TypeORM names after the table and its columns (keys, index, unique, enum type, serial
// sequence) follows a table rename and a column rename at once; a check naming the column is re-created.

@Entity('post')
@Unique(['title'])
@Check(`body <> ''`)
export class RichPostV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Index() @Column({ type: 'varchar', length: 200 }) body: string
  @Column({ type: 'simple-enum', enum: Status, default: Status.Draft }) status: Status
}

@Entity('comment')
export class RichCommentV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) text: string
  @Column() postId: number
  @ManyToOne(() => RichPostV1, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'postId' }) post: RichPostV1
}

@Entity('article')
@RenamedFrom('post')
@Unique(['title'])
@Check(`content <> ''`)
export class RichArticleV2 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @RenamedFrom('body') @Index() @Column({ type: 'varchar', length: 200 }) content: string
  @Column({ type: 'simple-enum', enum: Status, default: Status.Draft }) status: Status
}

@Entity('comment')
export class RichCommentV2 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) text: string
  @Column() postId: number
  @ManyToOne(() => RichArticleV2, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'postId' }) post: RichArticleV2
}
