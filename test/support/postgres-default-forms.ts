import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm'

enum UserStatus {
  Active = 'active',
  Disabled = 'disabled',
}

/** One column per default form PostgreSQL rewrites when it stores it. */
@Entity('default_forms')
export class DefaultForms {
  @PrimaryGeneratedColumn() id: number
  @Column({ default: 'abc' }) plain: string
  @Column({ type: 'varchar', length: 20, default: () => "'x'::character varying" }) castVarchar: string
  @Column({ type: 'varchar', default: 'say "hi"' }) quoted: string
  @Column({ type: 'jsonb', default: {} }) emptyJsonb: object
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) castJsonb: object
  @Column({ type: 'json', default: { a: 1 } }) json: object
  @Column({ type: 'jsonb', default: { b: 1, a: [1, 2] } }) jsonbKeys: object
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdNow: Date
  @Column({ type: 'timestamptz', default: () => 'CURRENT_TIMESTAMP' }) createdCurrent: Date
  @CreateDateColumn() createdAt: Date
  @Column({ type: 'timestamp', default: () => "timezone('utc', now())" }) utc: Date
  @Column({ type: 'timestamp', default: () => "('now'::text)::timestamp" }) legacyNow: Date
  @Column({ type: 'numeric', default: 0.5 }) half: string
  @Column({ type: 'numeric', precision: 5, scale: 2, default: () => '0.50' }) halfScaled: string
  @Column({ type: 'numeric', default: () => "'0.5'::numeric" }) castNumeric: string
  @Column({ default: true }) flag: boolean
  @Column({ type: 'boolean', default: () => "'true'" }) quotedFlag: boolean
  @Column({ type: 'text', array: true, default: () => 'ARRAY[]::text[]' }) arrayCtor: string[]
  @Column({ type: 'text', array: true, default: () => "'{}'::text[]" }) arrayCast: string[]
  @Column({ type: 'text', array: true, default: [] }) arrayEmpty: string[]
  @Column({ type: 'varchar', array: true, default: ['a', 'b'] }) arrayValues: string[]
  @Column({ type: 'enum', enum: UserStatus, default: UserStatus.Active }) status: UserStatus
  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status_enum', default: UserStatus.Active }) named: UserStatus
  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status_enum', default: () => `'disabled'::"public"."user_status_enum"` }) handCast: UserStatus
  @Column({ type: 'uuid', default: () => 'gen_random_uuid()' }) builtinUuid: string
  @Column({ type: 'uuid', default: () => 'uuid_generate_v4()' }) ossUuid: string
  @Column({ type: 'int', default: -1 }) negative: number
  @Column({ type: 'int', default: () => '-1' }) negativeRaw: number
  @Column({ type: 'float', default: -2 }) negativeFloat: number
  @Column({ type: 'bigint', default: 5 }) big: string
  @Column({ type: 'date', default: () => 'CURRENT_DATE' }) today: string
  @Column({ type: 'varchar', nullable: true, default: null }) none: string | null
  // Rules cannot prove these equal to what PostgreSQL stores; reconcile asks the server.
  @Column({ type: 'timestamp', default: '2020-01-01' }) fixedTime: Date
  @Column({ type: 'interval', default: '24 hours' }) period: string
}

@Entity('uuid_keys')
export class UuidKeys {
  @PrimaryGeneratedColumn('uuid') id: string
}

