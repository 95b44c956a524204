import 'reflect-metadata'
import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm'

/**
 * MysqlChurnPattern is one entity shape that made TypeORM's own generator on MySQL or MariaDB write the same
 * change again and again, with the TypeORM issue that reports it where there is one. The churn probe
 * (mysql-churn.test.ts) creates each with TypeORM's synchronize and expects no difference; the uuid and json patterns also run with a `mysql` DataSource; the same list can
 * run through our own generated migration.
 */
export interface MysqlChurnPattern {
  readonly name: string
  readonly issue?: string
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: readonly Function[]
}

@Entity('p01') class DatetimeNoPrecision {
  @PrimaryGeneratedColumn() id: number
  @Column('datetime') date1: Date
  @Column('datetime', { nullable: true }) date2: Date | null
}
@Entity('p02') class DatetimeCurrentTimestamp {
  @PrimaryGeneratedColumn() id: number
  @Column({ default: () => 'CURRENT_TIMESTAMP' }) lastChangedAt: Date
  @Column({ type: 'datetime', precision: 6, default: () => 'CURRENT_TIMESTAMP(6)' }) precise: Date
}
@Entity('p03') class FloatDefault {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'float', default: 0 }) data1: number
  // A fraction would be no churn but a difference: TypeORM writes 1.5 as '2' on a column with no scale (see mysql-churn.test.ts).
  @Column({ type: 'float', default: 2, nullable: true }) data2: number | null
  @Column({ type: 'float', precision: 10, nullable: true }) bits10: number | null
  @Column({ type: 'float', precision: 30, nullable: true }) bits30: number | null
  @Column({ type: 'float', precision: 7, scale: 3, nullable: true }) fixed: number | null
}
@Entity('p04') class DoubleColumn {
  @PrimaryGeneratedColumn() id: number
  @Column('double', { nullable: false }) value: number
  @Column({ type: 'double precision', nullable: true }) other: number | null
}
@Entity('p05') class DecimalDefault {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'decimal', precision: 22, scale: 2, default: 0.0 }) bday: string
  @Column({ type: 'decimal', precision: 11, scale: 8, default: 0 }) lat: string
  @Column({ type: 'numeric', nullable: true }) plain: string | null
}
@Entity('p06') class UnsignedKey {
  @PrimaryGeneratedColumn({ name: 'log_action_id', unsigned: true }) logActionId: number
  @Column('varchar', { length: 150 }) title: string
  @Column({ type: 'int', unsigned: true, default: 0 }) hits: number
}
@Entity('p07') class GeneratedUuid {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column() name: string
}
@Entity('p08a') class UuidParent {
  @PrimaryGeneratedColumn('uuid') id: string
}
@Entity('p08b') class UuidChild {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'uuid', nullable: true }) batch: string | null
  @ManyToOne(() => UuidParent) parent: UuidParent
}
@Entity('p09') class CreateUpdateDates {
  @PrimaryGeneratedColumn() id: number
  @Column() dateTimeColumn: Date
  @CreateDateColumn() createdAt: Date
  @UpdateDateColumn() updatedAt: Date
}
@Entity('p10') class DatesWithPrecision {
  @PrimaryGeneratedColumn() id: number
  @CreateDateColumn({ precision: 3 }) createdAt: Date
  @UpdateDateColumn({ type: 'timestamp', precision: 3 }) updatedAt: Date
}
@Entity('p11') class NullableColumns {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', nullable: true }) yearsOfExperience: number | null
  @Column({ type: 'varchar', nullable: true, default: null }) note: string | null
  @Column({ type: 'int', nullable: true, default: 3 }) level: number | null
}
@Entity('p12') class Booleans {
  @PrimaryGeneratedColumn() id: number
  @Column() active: boolean
  @Column({ default: true }) enabled: boolean
  @Column({ type: 'boolean', default: false }) admin: boolean
  @Column({ type: 'bool', nullable: true }) maybe: boolean | null
  @Column({ unsigned: true, default: false }) hidden: boolean
}
@Entity('p13') class DisplayWidths {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number
  @Column({ type: 'integer' }) integer: number
  @Column({ type: 'tinyint', default: 1 }) small: number
  @Column({ type: 'smallint', unsigned: true }) unsignedSmall: number
  @Column({ type: 'mediumint' }) medium: number
}
@Entity('p14') class OnUpdate {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'timestamp', default: () => 'CURRENT_TIMESTAMP', onUpdate: 'CURRENT_TIMESTAMP' }) touched: Date
  @Column({ type: 'datetime', precision: 6, nullable: true, onUpdate: 'CURRENT_TIMESTAMP(6)' }) changed: Date | null
}
enum Status { Draft = 'draft', Live = 'live', Quoted = "it's" }
@Entity('p15') class EnumQuoting {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: Status, default: Status.Draft }) status: Status
  @Column({ type: 'enum', enum: ['a,b', 'c'], nullable: true }) comma: string | null
}
@Entity('p16') class JsonOnMariadb {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'json' }) doc: object
  @Column({ type: 'json', nullable: true }) maybe: object | null
}
@Entity('p17a') class Author {
  @PrimaryGeneratedColumn() id: number
}
@Entity('p17b') @Index('IDX_p17_author_title', ['author', 'title'])
class Book {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @ManyToOne(() => Author) author: Author
  @ManyToOne(() => Author, { nullable: true, onDelete: 'SET NULL' }) editor: Author | null
}
@Entity('p18') class InheritedCollation {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20, charset: 'utf8mb4' }) sameCharset: string
  @Column({ type: 'varchar', length: 20, collation: 'utf8mb4_bin' }) binary: string
  @Column({ type: 'varchar', length: 20, charset: 'latin1' }) latin: string
  @Column({ type: 'varchar', length: 20, collation: 'latin1_bin' }) latinBinary: string
}
@Entity('p19') class SimpleEnum {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'simple-enum', enum: ['x', 'y'], default: 'x' }) mode: string
}
@Entity('p20') class SimpleArrayJson {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'simple-array' }) tags: string[]
  @Column({ type: 'simple-json', nullable: true }) extra: object | null
}
@Entity('p21') class VarcharLengths {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @Column({ length: 100 }) short: string
  @Column({ type: 'char', length: 2, default: 'NL' }) country: string
  @Column({ type: 'nvarchar', length: 30, nullable: true }) national: string | null
  @Column({ type: 'varbinary', length: 16, nullable: true }) hash: Buffer | null
  @Column({ type: 'char', nullable: true }) grade: string | null
  @Column({ type: 'binary', nullable: true }) flagByte: Buffer | null
  @Column({ type: 'bit', nullable: true }) flagBit: Buffer | null
}
@Entity('p22') class TextTypes {
  @PrimaryGeneratedColumn() id: number
  @Column('text') body: string
  @Column('tinytext') tiny: string
  @Column('mediumtext') medium: string
  @Column('longtext') long: string
  @Column('blob', { nullable: true }) blob: Buffer | null
}
@Entity('p23') class BigintAsString {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string
  @Column({ type: 'bigint', default: 0 }) counter: string
  @Column({ type: 'bigint', unsigned: true, nullable: true }) big: string | null
}
@Entity('p24') @Unique('UQ_p24_code', ['code']) @Index(['name'])
class IndexNames {
  @PrimaryGeneratedColumn() id: number
  @Column({ length: 20 }) code: string
  @Column({ length: 20 }) name: string
  @Column({ length: 20, unique: true }) email: string
  @Index('IDX_p24_kind') @Column({ length: 10 }) kind: string
}
@Entity('p25a') class Profile {
  @PrimaryGeneratedColumn() id: number
}
@Entity('p25b') class Account {
  @PrimaryGeneratedColumn() id: number
  @OneToOne(() => Profile) @JoinColumn() profile: Profile
}
@Entity('p26a') class Tag {
  @PrimaryGeneratedColumn() id: number
}
@Entity('p26b') class Article {
  @PrimaryGeneratedColumn() id: number
  @ManyToMany(() => Tag) @JoinTable() tags: Tag[]
}
@Entity('p27') class SetAndYear {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'set', enum: ['a', 'b', 'c'], default: ['a', 'b'] }) flags: string[]
  @Column({ type: 'year', nullable: true }) born: number | null
  @Column({ type: 'time', precision: 3, nullable: true }) at: string | null
  @Column({ type: 'date', default: '2020-01-01' }) since: string
  @VersionColumn() version: number
}
@Entity('p28') class StringDefaults {
  @PrimaryGeneratedColumn() id: number
  @Column({ default: 'draft' }) state: string
  @Column({ type: 'int', default: 5 }) five: number
  @Column({ type: 'varchar', length: 10, default: '5' }) fiveText: string
  @Column({ comment: 'a comment' }) commented: string
}
@Entity('p29') class CompositeKey {
  @PrimaryColumn({ type: 'varchar', length: 8 }) code: string
  @PrimaryColumn() level: number
  @ManyToOne(() => Author, { nullable: true }) author: Author | null
}
@Entity({ name: 'p30', engine: 'InnoDB' }) class DeclaredEngine {
  @PrimaryGeneratedColumn() id: number
}

@Entity('p31') class GeneratedColumns {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', default: 1 }) quantity: number
  @Column({ type: 'int', generatedType: 'STORED', asExpression: '`quantity` * 2' }) double: number
  @Column({ type: 'varchar', length: 40, generatedType: 'VIRTUAL', asExpression: "concat('#', `id`)" }) label: string
}

@Entity('p33a') class UuidGroup {
  @PrimaryGeneratedColumn('uuid') id: string
}
@Entity('p33b') class UuidMember {
  @PrimaryGeneratedColumn('uuid') id: string
  @ManyToMany(() => UuidGroup) @JoinTable() groups: UuidGroup[]
}

@Entity('p34') class FulltextIndexes {
  @PrimaryGeneratedColumn() id: number
  @Index({ fulltext: true }) @Column({ length: 100 }) title: string
  @Column('text') body: string
  @Column({ length: 40, nullable: true }) author: string
}
@Entity('p34b') @Index('IDX_p34b_search', ['title', 'body'], { fulltext: true }) class FulltextOverTwo {
  @PrimaryGeneratedColumn() id: number
  @Column({ length: 100 }) title: string
  @Column('text') body: string
}

// Too long for a whole key (over 3072 bytes): MariaDB indexes a prefix of them, the longest that fits.
@Entity('p35') class IndexesOnLongStrings {
  @PrimaryGeneratedColumn() id: number
  @Index() @Column({ length: 1000 }) url: string
  @Index() @Column({ length: 5000, charset: 'latin1' }) note: string
  @Index() @Column({ type: 'varbinary', length: 4000 }) digest: Buffer
}

enum Level { Low = 1, High = 2 }
@Entity({ name: 'p32', comment: "the owner's notes" }) class CommentsAndSoftDelete {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enum: Level, default: Level.Low }) level: Level
  @Column({ type: 'varchar', length: 20, comment: "it's quoted", default: () => "'expr'" }) quoted: string
  @DeleteDateColumn() deletedAt: Date | null
}

export const mysqlChurnPatterns: readonly MysqlChurnPattern[] = [
  { name: 'datetime without precision (datetime vs datetime(0))', issue: 'typeorm#1960', entities: [DatetimeNoPrecision] },
  { name: 'datetime defaulting to CURRENT_TIMESTAMP, with and without precision', issue: 'typeorm#3561', entities: [DatetimeCurrentTimestamp] },
  { name: 'float with a default, float(p) as float or double, float(p,s)', issue: 'typeorm#6893', entities: [FloatDefault] },
  { name: 'double and double precision', issue: 'typeorm#5948', entities: [DoubleColumn] },
  { name: 'decimal defaults 0.00 and 0, numeric without precision', issue: 'typeorm#6140, typeorm#5407', entities: [DecimalDefault] },
  { name: 'unsigned generated primary key and unsigned int', issue: 'typeorm#2943', entities: [UnsignedKey] },
  { name: 'generated uuid primary key (native uuid on MariaDB 10.7+)', issue: 'typeorm#10231, typeorm#8832', entities: [GeneratedUuid] },
  { name: 'uuid columns and a foreign key to a uuid key', issue: 'typeorm#8832', entities: [UuidParent, UuidChild] },
  { name: 'CreateDateColumn and UpdateDateColumn (datetime(6)) beside a plain Date column', issue: 'typeorm#6130', entities: [CreateUpdateDates] },
  { name: 'CreateDateColumn and UpdateDateColumn with precision 3 (TypeORM writes CURRENT_TIMESTAMP(6), MariaDB stores (3))', issue: 'typeorm#10615', entities: [DatesWithPrecision] },
  { name: 'nullable columns, DEFAULT NULL, nullable with a default (MariaDB reports NULL defaults quoted)', issue: 'typeorm#8167', entities: [NullableColumns] },
  { name: 'booleans as tinyint', entities: [Booleans] },
  { name: 'integer display widths (MariaDB prints int(11), MySQL 8 int), integer, tinyint, unsigned smallint, mediumint', entities: [DisplayWidths] },
  { name: 'ON UPDATE CURRENT_TIMESTAMP with and without precision', entities: [OnUpdate] },
  { name: 'enum labels with a quote and a comma, enum default', entities: [EnumQuoting] },
  { name: 'json on MariaDB (longtext with a json_valid check)', entities: [JsonOnMariadb] },
  { name: 'indexes MySQL creates for foreign keys, and a composite index that serves one', entities: [Author, Book] },
  { name: 'charsets and collations declared equal to the table, or of their own', entities: [InheritedCollation] },
  { name: 'simple-enum', entities: [SimpleEnum] },
  { name: 'simple-array and simple-json', entities: [SimpleArrayJson] },
  { name: 'varchar lengths (default 255), char, nvarchar, varbinary; char, binary and bit without a length (1)', entities: [VarcharLengths] },
  { name: 'text and blob types', entities: [TextTypes] },
  { name: 'bigint as string, unsigned bigint', entities: [BigintAsString] },
  { name: 'index and unique names (@Unique, unique: true, @Index named and not)', entities: [IndexNames] },
  { name: 'one-to-one: a unique index that also serves the foreign key', entities: [Profile, Account] },
  { name: 'many-to-many junction: primary key and indexes serving both foreign keys', entities: [Tag, Article] },
  { name: 'set with a default, year, time(3), date default, version column', entities: [SetAndYear] },
  { name: 'string, int and numeric-looking string defaults, comments', entities: [StringDefaults] },
  { name: 'composite primary key and a foreign key beside it', entities: [Author, CompositeKey] },
  { name: 'declared engine', entities: [DeclaredEngine] },
  { name: 'numeric enum, comments with quotes, a default written as an expression, DeleteDateColumn', entities: [CommentsAndSoftDelete] },
  { name: 'many-to-many between uuid keys: the junction columns follow the server (uuid or varchar(36))', issue: 'typeorm#8832', entities: [UuidGroup, UuidMember] },
  { name: 'generated columns, stored and virtual, not nullable in the entity (TypeORM writes no NOT NULL for them on MariaDB)', entities: [GeneratedColumns] },
  { name: 'fulltext indexes, on one column and on two', entities: [FulltextIndexes, FulltextOverTwo] },
  { name: 'indexes on varchar and varbinary columns too long for a whole key (MariaDB indexes the longest prefix that fits)', entities: [IndexesOnLongStrings] },
]
