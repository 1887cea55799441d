import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';

/**
 * Page reports combine into the one-run report: 100,000 survey responses in one run, and the same
 * responses in 7 uneven pages whose overall rows (with their report state) feed a combining run.
 */
const parameters = { metrics: ['nps', 'csat', 'ces'], groupByColumn: 'store', options: { skipMissing: true } };

function responses(n: number): Array<Record<string, unknown>> {
	let seed = 17;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const pick = (k: number) => Math.floor(next() * k);
	return Array.from({ length: n }, (_, i) => ({
		responseId: i,
		store: `S${pick(6)}`,
		nps: next() < 0.05 ? '' : pick(11),
		csat: 1 + pick(5),
		ces: next() < 0.3 ? '' : 1 + pick(7),
	}));
}

async function run(key: string, items: Array<Record<string, unknown>>, extra: IDataObject) {
	setGeneratedItems(key, items);
	const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...parameters, ...extra }, items: [], generatedKey: key });
	expect(result.error).toBeUndefined();
	return { responses: result.json(NODE_UNDER_TEST, 0), report: result.json(NODE_UNDER_TEST, 1) };
}

describe('Score Satisfaction page reports combine into the one-run report', () => {
	it('NPS, CSAT and CES with margins, overall and per store, from 7 uneven pages of 100,000 responses', async () => {
		const all = responses(100_000);
		const whole = await run('whole', all, {});
		expect(whole.report).toHaveLength(7);
		expect(whole.report[0]).toMatchObject({ scope: 'overall', responses: 100_000 });
		const overallRows: IDataObject[] = [];
		let start = 0;
		for (const end of [1, 9_000, 9_001, 31_337, 64_000, 99_990, 100_000]) {
			const page = await run(`page${start}`, all.slice(start, end), { reportState: 'output' });
			expect(page.responses).toEqual(whole.responses.slice(start, end));
			overallRows.push(page.report[0]);
			start = end;
		}
		const combined = await run('combine', overallRows as Array<Record<string, unknown>>, { reportState: 'combine' });
		expect(combined.responses).toEqual([]);
		expect(combined.report).toEqual(whole.report);
	});

	it('a page state made with other measures is refused, naming the item', async () => {
		const page = await run('npsOnly', responses(50), { metrics: ['nps'], reportState: 'output' });
		setGeneratedItems('mismatch', [page.report[0] as Record<string, unknown>]);
		const result = await runNode({ type: 'scoreSatisfaction', parameters: { ...parameters, reportState: 'combine' }, items: [], generatedKey: 'mismatch' });
		expect(result.error?.message).toMatch(/Report state 0 measured .*but this node measures/);
	});
});
