#!/bin/bash
# bench/online-writes/run.sh MODE(plain|online) : one PostgreSQL database of 2,000,000 rows, the migration of an index, a check and a NOT NULL, a writer inserting meanwhile
set -e
MODE=$1
DB=autogen_onlinebench_$MODE
REPO=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$REPO/bin/typeorm-autogen.js
D=$REPO/.data/online-writes/$MODE
rm -rf $D && mkdir -p $D/entities && ln -s $REPO/node_modules $D/node_modules
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
cat > $D/ormconfig.ts <<C
import { DataSource } from 'typeorm'
export default new DataSource({ type: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/$DB', entities: [__dirname + '/entities/*.ts'], migrations: [__dirname + '/migrations/*.ts'] })
C
cat > $D/entities/event.ts <<C
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('event')
export class Event {
  @PrimaryGeneratedColumn() id: number
  @Column() kind: string
  @Column('int') amount: number
  @Column('int', { nullable: true }) score: number | null
}
C
cd $D
node $BIN generate Init --timestamp 1700000000000 -q >/dev/null
node $BIN upgrade -q >/dev/null
psql -h 127.0.0.1 -U postgres -d $DB -qc "INSERT INTO event (kind, amount, score) SELECT 'k' || (i % 1000), i % 500, i % 77 FROM generate_series(1, 2000000) i" -c "VACUUM ANALYZE event"
cat > $D/entities/event.ts <<C
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
@Entity('event')
@Check('CHK_event_amount', '"amount" >= 0')
export class Event {
  @PrimaryGeneratedColumn() id: number
  @Index('IDX_event_kind') @Column() kind: string
  @Column('int') amount: number
  @Column('int') score: number
}
C
FLAG=""; [ "$MODE" = online ] && FLAG=--online
node $BIN generate Rules --timestamp 1700000001000 $FLAG -q
node $REPO/bench/online-writes/writer.js $DB $BIN
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $DB"
