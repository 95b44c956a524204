import {
  Check,
  Column,
  CreateDateColumn,
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
} from 'typeorm'

// The helpdesk app as its entities declare it today. They drifted from its migrations (see migrations.ts)
// the way the entities of real projects do; the acceptance test lists each drift it expects.

export enum TicketStatus {
  Open = 'open',
  Pending = 'pending',
  Closed = 'closed',
}

@Entity('account')
export class Account {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'varchar', length: 100 }) name: string
  @Column({ type: 'varchar', length: 255, unique: true }) email: string
  // Drift: unique in the entity only.
  @Column({ type: 'text', nullable: true, unique: true }) tempToken: string | null
  // Drift: a CreateDateColumn over a plain nullable timestamp, so the entity adds a default.
  @CreateDateColumn({ nullable: true }) tokenExpiry: Date | null
  @CreateDateColumn() createdDate: Date
  @UpdateDateColumn() updatedDate: Date
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null
  @ManyToOne(() => Account) @JoinColumn({ name: 'createdBy' }) creator: Account
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null
  @ManyToOne(() => Account) @JoinColumn({ name: 'updatedBy' }) updater: Account
}

@Entity('workspace')
export class Workspace {
  @PrimaryGeneratedColumn('uuid') id: string
  // Drift: the entity has a default the migration never set.
  @Column({ type: 'varchar', length: 100, default: 'Personal Workspace' }) name: string
  @Column({ type: 'uuid' }) createdBy: string
  @ManyToOne(() => Account) @JoinColumn({ name: 'createdBy' }) creator: Account
}

@Entity('tag')
export class Tag {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 50 }) label: string
}

@Entity('flow')
export class Flow {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'varchar' }) name: string
  @Column({ type: 'text' }) flowData: string
  // Drift: text here, uuid with a foreign key and an index in the database (added by a later migration).
  @Column({ type: 'text', nullable: true }) workspaceId: string | null
  @CreateDateColumn() createdDate: Date
  @ManyToMany(() => Tag) @JoinTable({ name: 'flow_tags', joinColumn: { name: 'flowId' }, inverseJoinColumn: { name: 'tagId' } })
  tags: Tag[]
}

@Entity('execution')
export class Execution {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'varchar' }) state: string
  // Drift: the entity indexes this column, the database does not.
  @Index() @Column({ type: 'varchar' }) sessionId: string
  @CreateDateColumn() createdDate: Date
}

@Entity('message')
export class Message {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'varchar' }) role: string
  @Index() @Column({ type: 'uuid' }) flowId: string
  @Column({ type: 'text' }) content: string
  // Drift: the migrations made the column but never the one-to-one's unique and foreign key.
  @Column({ type: 'uuid', nullable: true }) executionId: string | null
  @OneToOne(() => Execution) @JoinColumn({ name: 'executionId' }) execution: Execution
  // Drift: the migration gave it a default the entity does not have.
  @Column({ type: 'varchar' }) chatType: string
  @CreateDateColumn() createdDate: Date
}

@Entity('feedback')
@Unique(['messageId'])
export class Feedback {
  @PrimaryGeneratedColumn('uuid') id: string
  @Index() @Column({ type: 'uuid' }) flowId: string
  @Column({ type: 'uuid' }) messageId: string
  // Drift: nullable here, NOT NULL in the database.
  @Column({ type: 'varchar', nullable: true }) rating: string | null
  @CreateDateColumn() createdDate: Date
}

@Entity('ticket')
@Check('"priority" >= 0')
@Index(['email'], { unique: true, where: '"deletedAt" IS NULL' })
export class Ticket {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 255 }) email: string
  @Column({ type: 'int', default: 0 }) priority: number
  @Column({ type: 'enum', enum: TicketStatus, enumName: 'ticket_status_enum', default: TicketStatus.Open }) status: TicketStatus
  @Column({ type: 'timestamp', nullable: true }) deletedAt: Date | null
}

@Entity('login_activity')
export class LoginActivity {
  // Drift: the migration made the table without a primary key.
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'text' }) username: string
  @Column({ name: 'activity_code' }) activityCode: number
  @CreateDateColumn() attemptedDateTime: Date
}

@Entity('api_key')
export class ApiKey {
  @PrimaryColumn({ type: 'varchar', length: 20 }) id: string
  @Column({ type: 'text' }) keyName: string
  @UpdateDateColumn() updatedDate: Date
}

/** helpdeskEntities are the entity classes of the helpdesk project, as its DataSource lists them. */
export const helpdeskEntities = [Account, Workspace, Tag, Flow, Execution, Message, Feedback, Ticket, LoginActivity, ApiKey]
