import { compress } from '../../nodes/shared/models/data';
import { fitBgNbd } from '../../nodes/shared/models/bgnbd';
import { fitParetoNbd } from '../../nodes/shared/models/paretoNbd';
import { fitGammaGamma } from '../../nodes/shared/models/gammaGamma';
import { fitSbgSubscribers } from '../../nodes/shared/models/sbg';
import { ConfigError } from '../../nodes/shared/input';
import { cdnowSummary } from './cdnowData';
import { simulateHomogeneous } from './simulate';

describe('batches the models cannot be fitted on give a clear error', () => {
	it('names an impossible customer by position', () => {
		expect(() => compress([{ x: 1, tx: 2, T: 3 }, { x: 2, tx: 0, T: 5 }])).toThrow(
			'Customer 1 is no possible purchase history: x is 2 but t_x is 0: repeat purchases need a last purchase after the first (expected x whole and at least 0, 0 <= t_x <= T, and t_x above 0 exactly when x is)',
		);
		expect(() => compress([{ x: 0, tx: 0, T: -1 }])).toThrow('Customer 0 is no possible purchase history: T (customer age) is -1, not a number of at least 0 (expected x whole and at least 0, 0 <= t_x <= T, and t_x above 0 exactly when x is)');
		// First purchase at the As Of: observed for no time yet, a customer the models are defined for.
		expect(compress([{ x: 0, tx: 0, T: 0 }]).customers).toBe(1);
		expect(() => compress([{ x: 1.5, tx: 1, T: 2 }])).toThrow('Customer 0 is no possible purchase history: x (repeat purchases) is 1.5, not a whole number');
		expect(() => compress([{ x: 1, tx: Number.NaN, T: 2 }])).toThrow('Customer 0 is no possible purchase history: t_x (recency) is NaN, not a number');
	});

	it('too small: says how many customers, and of what kind, are needed', () => {
		const twelve = cdnowSummary().slice(0, 12);
		const repeaters = twelve.filter((c) => c.x > 0).length;
		expect(() => fitBgNbd(twelve)).toThrow(
			`BG/NBD cannot be fitted on 12 customers (${repeaters} with repeat purchases, ${12 - repeaters} without, `,
		);
		expect(() => fitParetoNbd(twelve)).toThrow(/too few to tell purchase rate from dropout \(expected at least 30 customers, at least 10 of them with repeat purchases, some without/);
	});

	it('too uniform: everyone a repeat buyer, or everyone the same history', () => {
		const allRepeat = cdnowSummary().filter((c) => c.x > 0);
		expect(() => fitBgNbd(allRepeat)).toThrow(`(${allRepeat.length} with repeat purchases, 0 without`);
		const clones = Array.from({ length: 500 }, (_, i) => (i % 2 ? { x: 3, tx: 20, T: 30 } : { x: 0, tx: 0, T: 30 }));
		expect(() => fitBgNbd(clones)).toThrow('2 distinct histories');
	});

	it('no visible heterogeneity: says which aspect the batch does not show, instead of returning runaway parameters', () => {
		const same = simulateHomogeneous(3000, 0.05, 17);
		for (const [fit, aspects] of [
			[fitBgNbd, /does not show how (purchase rates|dropout chances)( or how dropout chances)? vary between customers/],
			[fitParetoNbd, /does not show how (purchase rates|lifetimes)( or how lifetimes)? vary between customers/],
		] as const) {
			let error: unknown;
			try {
				fit(same);
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(ConfigError);
			expect((error as Error).message).toMatch(/could not be fitted on these 3000 customers; parameters ran off/);
			expect((error as Error).message).toMatch(aspects);
		}
	});

	it('the spend model and sBG say what they need', () => {
		expect(() => fitGammaGamma([{ x: 2, meanSpend: 10 }])).toThrow(
			'The spend model cannot be fitted on 1 customers with repeat purchases and a positive spend (expected at least 10 such customers)',
		);
		const few = Array.from({ length: 40 }, (_, i) => ({ tenure: 3, active: i >= 2 }));
		expect(() => fitSbgSubscribers(few)).toThrow('sBG cannot be fitted on 40 subscribers of whom 2 churned (expected at least 30 subscribers, at least 5 churned and some still active)');
	});
});
