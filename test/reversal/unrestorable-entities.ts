import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'

// An account whose unique NOT NULL code is dropped: its values cannot come back, nor can one value fill it.

@Entity('account')
export class AccountWithCode {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
  @Column({ unique: true }) code: string
}

@Entity('account')
export class Account {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

// A team dropped while its players keep the team's id: down makes the team table again, empty, and its key
// cannot come back over players whose id matches no team.

@Entity('team')
export class Team {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}

@Entity('player')
export class PlayerInTeam {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'integer', nullable: true }) teamId: number | null
  @ManyToOne(() => Team, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'teamId' }) team: Team
}

@Entity('player')
export class Player {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'integer', nullable: true }) teamId: number | null
}
