import { MoneySum, moneySum } from '../../nodes/shared/customers/moneySum';
import { seededRandom } from '../helpers/random';

/** The nearest double to a decimal written as text: what a database's SUM over a numeric column gives back. */
const decimal = (text: string) => Number(text);

describe('MoneySum: amounts summed as the decimals they are written in', () => {
	it('sums decimals exactly, rounding once: 0.1 + 0.2 is 0.3, as SUM in SQL', () => {
		expect(moneySum([0.1, 0.2])).toBe(0.3);
		expect(moneySum([25, 0.01])).toBe(25.01);
		expect(moneySum([0.01, 0.05])).toBe(0.06);
		expect(moneySum([])).toBe(0);
		expect(Object.is(moneySum([-0, -0]), 0)).toBe(true);
	});

	it('gives one sum in any order of the amounts, equal to count × amount', () => {
		const random = seededRandom(7);
		for (let trial = 0; trial < 200; trial++) {
			const cents = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 1_000_000));
			const amounts = cents.map((c) => c / 100);
			const shuffled = [...amounts].sort(() => random() - 0.5);
			const exact = decimal((cents.reduce((a, b) => a + b, 0) / 100).toFixed(2));
			expect([moneySum(amounts), moneySum(shuffled)]).toEqual([exact, exact]);
		}
		const sum = new MoneySum().add(33.33, 3).add(0.01);
		expect(sum.value()).toBe(100);
	});

	it('keeps the sum exact beyond a safe integer of units and beyond 8 decimals', () => {
		// 1e13 (the plausible limit of an amount) a thousand times: past 2^53 cents.
		expect(new MoneySum().add(0.01).add(9_999_999_999_999.99, 1000).value()).toBe(decimal('9999999999999990.01'));
		// An amount with more decimals than money has (a Code node's 0.1 + 0.2) is taken as it reads.
		expect(moneySum([0.30000000000000004, 0.1])).toBe(decimal('0.40000000000000004'));
		expect(moneySum([1e-7, 2e-7, 1])).toBe(decimal('1.0000003'));
		expect(moneySum([1 / 3, 1 / 3, 1 / 3])).toBe(decimal('0.9999999999999999'));
		expect(moneySum([1e21, 1])).toBe(decimal('1000000000000000000001'));
	});
});
