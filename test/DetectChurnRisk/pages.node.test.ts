import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { rng, simulateBgNbd } from '../models/simulate';

/**
 * Learn once, apply page by page: the model fitted on 100,000 customers (or on their GROUP BY rows with
 * a count) and then supplied to 7 uneven pages gives every customer the output of one run over all.
 * Rules Only likewise with the typical interval of the repeat buyers, against which one-time buyers are judged.
 */
const asOf = '2024-07-01T00:00:00Z';
const parameters = { method: 'bgNbd', inputShape: 'summary', timeUnit: 'weeks', horizon: 26, asOf };

function customers(n: number): Array<Record<string, unknown>> {
	const u = rng(31);
	return simulateBgNbd(n, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 8, true).map((c, i) => ({
		customerId: `C${i}`,
		x: c.x,
		tx: c.tx,
		T: c.T,
		// Whole-money mean repeat spends, so equal customers group as a database would group them.
		monetary: c.x > 0 ? 10 + Math.floor(u() * u() * 60) : '',
	}));
}

async function run(key: string, items: Array<Record<string, unknown>>, extra: IDataObject) {
	setGeneratedItems(key, items);
	const result = await runNode({ type: 'detectChurnRisk', parameters: { ...parameters, ...extra }, items: [], generatedKey: key });
	expect(result.error).toBeUndefined();
	// Every customer, at risk or healthy, in input order.
	const byId = new Map<unknown, IDataObject>();
	for (const json of [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)]) byId.set(json.customerId, json);
	return { customers: items.map((item) => byId.get(item.customerId)), model: result.json(NODE_UNDER_TEST, 2)[0] };
}

/** The Model item as a Parameters JSON expression (indented: "}}" would end the expression). */
const asExpression = (model: IDataObject) => `={{ (${JSON.stringify(model, null, 1)}) }}`;

describe('Detect Churn Risk pages with supplied parameters equal one run over everyone', () => {
	const all = customers(100_000);

	const methods: Array<[string, IDataObject, IDataObject, string[]]> = [
		['BG/NBD', {}, { customersUsed: 100_000 }, ['parameters', 'spendParameters', 'customersUsed', 'logLikelihood', 'iterations', 'typicalIntervalDays', 'spendCustomersUsed']],
		['Rules Only', { method: 'rules' }, { method: 'rules' }, ['typicalIntervalDays']],
	];

	it.each(methods)('%s: learns once on 100,000 customers; 7 uneven pages scored with its Model item give identical customers', async (_, method, learned) => {
		const whole = await run('whole', all, method);
		expect(whole.model).toMatchObject({ source: 'fitted', ...learned });
		expect(whole.model.typicalIntervalDays).toEqual(expect.any(Number));
		const ends = [1, 9_000, 9_001, 31_337, 64_000, 99_990, 100_000];
		let start = 0;
		for (const end of ends) {
			const page = await run(`page${start}`, all.slice(start, end), { ...method, modelSource: 'supplied', suppliedParameters: asExpression(whole.model) });
			expect(page.customers).toEqual(whole.customers.slice(start, end));
			start = end;
		}
	});

	it.each(methods)('%s: learns on GROUP BY rows with a count column exactly as on the customers one by one', async (_, method, _learned, keys) => {
		const groups = new Map<string, Record<string, unknown>>();
		for (const c of all) {
			const key = `${c.x}|${c.tx}|${c.T}|${c.monetary}`;
			const row = groups.get(key);
			if (row) (row.customers as number)++;
			else groups.set(key, { customerId: key, x: c.x, tx: c.tx, T: c.T, monetary: c.monetary, customers: 1 });
		}
		// GROUP BY returns rows in no particular order.
		const u = rng(2);
		const rows = [...groups.values()].map((r) => ({ r, k: u() })).sort((p, q) => p.k - q.k).map(({ r }) => r);
		expect(rows.length).toBeLessThan(all.length / 2);
		const one = await run('one', all, method);
		const grouped = await run('grouped', rows, { ...method, countColumn: 'customers' });
		for (const key of keys) {
			expect([key, grouped.model[key]]).toEqual([key, one.model[key]]);
		}
		// Each grouped row is scored as any of the customers it stands for.
		const first = rows[0];
		const member = all.findIndex((c) => `${c.x}|${c.tx}|${c.T}|${c.monetary}` === first.customerId);
		expect((one.customers[member] as IDataObject).churn).toEqual(expect.objectContaining({ riskScore: expect.any(Number) }));
		expect((grouped.customers[0] as IDataObject).churn).toEqual((one.customers[member] as IDataObject).churn);
	});
});
