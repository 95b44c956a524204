import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

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
