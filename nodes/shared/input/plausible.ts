/**
 * Upper bounds for the quantities a customer record can plausibly hold. A value beyond them is a
 * mistake upstream (an epoch or an ID in a count column, 1e308 from a broken export) that would
 * otherwise overflow a model or a sum into Infinity, or run a fit off; it is rejected with the item
 * and field named, and the rest of the batch goes on.
 */
export const PLAUSIBLE = {
	/** Purchases, orders, complaints or renewals of one customer. */
	count: 10_000_000,
	/** Customers one row stands for (a GROUP BY row, a histogram bin): more than the world's population. */
	customers: 1e10,
	/** An amount of money, per order or per customer (ten trillion in any currency). */
	money: 1e13,
	/** A customer's age or recency: 200 years, in days. */
	spanDays: 200 * 365.25,
} as const;
