import { compress, fitBgNbd, fitGammaGamma, fitParetoNbd } from '../../nodes/shared/models';
import { cdnowSummary } from './cdnowData';
import { rng, simulateBgNbd } from './simulate';

/** One row per distinct (x, t_x, T) with a count, in a shuffled order, as a SQL GROUP BY returns them. */
function grouped(customers: Array<{ x: number; tx: number; T: number }>, seed: number) {
	const rows = new Map<string, { x: number; tx: number; T: number; count: number }>();
	for (const c of customers) {
		const key = `${c.x}|${c.tx}|${c.T}`;
		const row = rows.get(key);
		if (row) row.count++;
		else rows.set(key, { ...c, count: 1 });
	}
	const u = rng(seed);
	const list = [...rows.values()].map((r) => ({ r, k: u() })).sort((p, q) => p.k - q.k).map(({ r }) => r);
	return {
		columns: { x: list.map((r) => r.x), tx: list.map((r) => r.tx), T: list.map((r) => r.T) },
		counts: list.map((r) => r.count),
		rows: list.length,
	};
}

describe('fits from grouped summaries', () => {
	it('BG/NBD on GROUP BY rows with counts equals the fit on the customers one by one, bit for bit', () => {
		const customers = simulateBgNbd(20000, { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 5, true);
		const g = grouped(customers, 1);
		expect(g.rows).toBeLessThan(customers.length);
		const one = fitBgNbd(customers);
		const fromGroups = fitBgNbd(compress(g.columns, g.counts));
		expect(fromGroups.params).toEqual(one.params);
		expect(fromGroups.logLikelihood).toBe(one.logLikelihood);
		expect(fromGroups.iterations).toBe(one.iterations);
		expect(fromGroups.customers).toBe(20000);
	});

	it('Pareto/NBD on CDNOW grouped rows equals the one-by-one fit, and neither depends on input order', () => {
		const customers = cdnowSummary();
		const one = fitParetoNbd(customers);
		const g = grouped(customers, 2);
		expect(fitParetoNbd(compress(g.columns, g.counts)).params).toEqual(one.params);
		const u = rng(9);
		const shuffled = customers.map((c) => ({ c, k: u() })).sort((p, q) => p.k - q.k).map(({ c }) => c);
		expect(fitParetoNbd(shuffled).params).toEqual(one.params);
	});

	it('refuses a count that is not a whole number >= 0 and drops zero-count rows', () => {
		const columns = { x: [1, 0], tx: [2, 0], T: [5, 5] };
		expect(() => compress(columns, [2, -1])).toThrow('Row 1: the count is -1, which is not a whole number of at least 0 (expected the number of customers the row stands for)');
		expect(() => compress(columns, [2.5, 1])).toThrow('Row 0: the count is 2.5');
		expect(() => compress(columns, [1])).toThrow('The x, t_x, T and count columns hold 2, 2, 2, 1 values (expected one value per customer in each, as many in all)');
		const data = compress(columns, [3, 0]);
		expect([data.customers, data.rows, data.weight[0]]).toEqual([3, 1, 3]);
	});
});

describe('Gamma-Gamma from grouped spend rows', () => {
	it('a row with a count fits like that many customers listed one by one, bit for bit', () => {
		const u = rng(4);
		const customers = Array.from({ length: 3000 }, () => ({ x: 1 + Math.floor(u() * 6), meanSpend: 5 + Math.floor(u() * 40) }));
		const counts = new Map<string, { x: number; meanSpend: number; count: number }>();
		for (const c of customers) {
			const key = `${c.x}|${c.meanSpend}`;
			const row = counts.get(key);
			if (row) row.count++;
			else counts.set(key, { ...c, count: 1 });
		}
		const one = fitGammaGamma(customers);
		const fromGroups = fitGammaGamma([...counts.values()]);
		expect(fromGroups.customers).toBe(3000);
		expect(fromGroups.distinctRows).toBe(counts.size);
		expect(fromGroups.params).toEqual(one.params);
		expect(fromGroups.logLikelihood).toBe(one.logLikelihood);
	});
});
