/**
 * A sum of amounts of money as the decimals they are written in, the same in any order.
 *
 * Added as doubles, 0.1 + 0.2 is 0.30000000000000004 and a long sum depends on the order of its terms,
 * while a database's SUM over a numeric column is 0.3 in any order. A customer's total over its
 * transactions, and a base's total revenue, must be the database's: a learn step in SQL, a full run
 * and a page run (whose customers come in another order) would otherwise see totals a last digit apart,
 * which split ties at cut points and change revenue shares.
 *
 * An amount is read as the shortest decimal that gives back its double (12.5 whether it came as "12.50"
 * or 12.5; 0.30000000000000004 as itself). The sum of those decimals is exact, kept as a whole number
 * of units of 10^-decimals, and rounded once, to the nearest double, when read.
 */
export class MoneySum {
	/** The sum in units of 10^-decimals while it is a safe integer (`big` undefined). */
	private units = 0;
	private decimals = 0;
	/** The exact sum once it no longer fits a safe integer or an amount has more than FAST_DECIMALS. */
	private big: { units: bigint; decimals: number } | undefined;

	/** Starts again from 0 (one instance serves many customers without an allocation each). */
	reset(): this {
		this.units = 0;
		this.decimals = 0;
		this.big = undefined;
		return this;
	}

	/** Adds `amount` (a finite number) `times` times (a whole number: a histogram's count). */
	add(amount: number, times = 1): this {
		if (this.big === undefined) {
			for (let d = this.decimals; d <= FAST_DECIMALS; d++) {
				const scale = POWERS[d];
				const units = Math.round(amount * scale);
				// Below 2^51 units the product's rounding error is under half a unit: `units` is the one decimal at this scale.
				if (!(Math.abs(units) < 2 ** 51) || units / scale !== amount) continue;
				const sum = this.units * POWERS[d - this.decimals] + units * times;
				if (!Number.isSafeInteger(sum)) break;
				this.units = sum;
				this.decimals = d;
				return this;
			}
			this.big = { units: BigInt(this.units), decimals: this.decimals };
		}
		const { digits, decimals } = decimalOf(amount);
		const big = this.big;
		const shift = Math.max(big.decimals, decimals);
		big.units = big.units * 10n ** BigInt(shift - big.decimals) + digits * 10n ** BigInt(shift - decimals) * BigInt(times);
		big.decimals = shift;
		return this;
	}

	/** The sum, rounded once to the nearest double; -0 never (a sum of nothing is 0). */
	value(): number {
		if (this.big === undefined) return this.units / POWERS[this.decimals] + 0;
		// Text to number rounds correctly: one rounding of the exact sum.
		return Number(`${this.big.units}e-${this.big.decimals}`) + 0;
	}
}

/** Decimals tried as plain numbers: money has 2, some currencies and unit prices 3 or 4. */
const FAST_DECIMALS = 8;
const POWERS = Array.from({ length: FAST_DECIMALS + 1 }, (_, d) => 10 ** d);

/** The shortest decimal that reads back as `amount` (JavaScript's own), as whole digits and a count of decimals. */
function decimalOf(amount: number): { digits: bigint; decimals: number } {
	const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(amount))!;
	const [, sign, whole, fraction = '', exponentText = '0'] = match;
	const exponent = Number(exponentText);
	const digits = BigInt(`${sign}${whole}${fraction}`);
	const decimals = fraction.length - exponent;
	return decimals >= 0 ? { digits, decimals } : { digits: digits * 10n ** BigInt(-decimals), decimals: 0 };
}

/** The exact decimal sum of `amounts`, rounded once (see MoneySum). */
export function moneySum(amounts: ArrayLike<number>): number {
	const sum = new MoneySum();
	for (let i = 0; i < amounts.length; i++) sum.add(amounts[i]);
	return sum.value();
}
