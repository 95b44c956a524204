import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'

// A reading whose numbers `up` gives more significant digits than a float keeps: `down` would round them back.

/** FloatTypes names a dialect's single and double precision float types. */
export interface FloatTypes { readonly single: 'real' | 'float', readonly double: 'double precision' | 'double' }

/** readingEntity is the table `reading` as each side of the migration declares it. */
export function readingEntity(floats: FloatTypes, widened: boolean): Function {
  @Entity('reading')
  class Reading {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: widened ? floats.double : floats.single }) level: number
    @Column(widened ? { type: 'decimal', precision: 30, scale: 20 } : { type: floats.double }) ratio: string
    @Column({ type: widened ? 'bigint' : floats.double }) total: string
  }
  return Reading
}
