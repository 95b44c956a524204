import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from '../../src/source/renamed-from'

// An order owning coupons through a derived junction (order_coupons_coupon: orderId, couponId), then the
// primary keys it references renamed in the database: order.id -> orderId, and coupon.id (inherited from a
// base class) -> couponId. TypeORM derives the join columns from those names: orderOrderId, couponCouponId.

@Entity('coupon')
export class CouponV1 {
  @PrimaryGeneratedColumn() id: number
  @Column() code: string
}

@Entity('order')
export class OrderV1 {
  @PrimaryGeneratedColumn() id: number
  @Column() total: number
  @ManyToMany(() => CouponV1) @JoinTable() coupons: CouponV1[]
}

export class BaseRecord {
  @RenamedFrom('id') @PrimaryGeneratedColumn({ name: 'couponId' }) id: number
}

@Entity('coupon')
export class Coupon extends BaseRecord {
  @Column() code: string
}

@Entity('order')
export class Order {
  @RenamedFrom('id') @PrimaryGeneratedColumn({ name: 'orderId' }) id: number
  @Column() total: number
  @ManyToMany(() => Coupon) @JoinTable() coupons: Coupon[]
}
