import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST } from '../helpers/runWorkflow';

const customers = (n: number, stratum?: (i: number) => string) =>
	Array.from({ length: n }, (_, i) => ({ customerId: `C${String(i).padStart(6, '0')}`, name: `Customer ${i}`, ...(stratum ? { churn: { riskLevel: stratum(i) } } : {}) }));

const assign = (items: IDataObject[], parameters: IDataObject = {}, onError?: 'continueErrorOutput' | 'continueRegularOutput') =>
	runNode({ type: 'measureCareImpact', parameters: { operation: 'assignHoldout', campaign: 'win-back-2026-03', ...parameters }, items, onError });

/** The documented rule, written independently: SHA-256(campaign \0 id), top 53 bits / 2^53. */
function documentedPosition(campaign: string, id: string): number {
	const hex = createHash('sha256').update(Buffer.from(`${campaign}\u0000${id}`, 'utf8')).digest('hex');
	return Number(BigInt(`0x${hex.slice(0, 16)}`) >> 11n) / 2 ** 53;
}

describe('Measure Care Impact: Assign Holdout in the engine', () => {
	it('routes every customer to exactly one of Treatment and Holdout, with its group recorded and paired', async () => {
		const items = customers(2000);
		const result = await assign(items);
		const treatment = result.items(NODE_UNDER_TEST, 0);
		const holdout = result.items(NODE_UNDER_TEST, 1);
		expect(treatment.length + holdout.length).toBe(2000);
		const seen = new Set([...treatment, ...holdout].map((i) => (i.pairedItem as { item: number }).item));
		expect(seen.size).toBe(2000);
		for (const item of treatment) expect(item.json.impact).toMatchObject({ campaign: 'win-back-2026-03', group: 'treatment', holdoutShare: 0.1 });
		for (const item of holdout) expect(item.json.impact).toMatchObject({ group: 'holdout' });
		for (const item of [...treatment, ...holdout]) {
			const source = items[(item.pairedItem as { item: number }).item];
			expect(item.json.customerId).toBe(source.customerId);
			expect(item.json.name).toBe(source.name);
		}
		// 10% of 2,000: binomial sd 13.4, so 200 ± 4 sd.
		expect(holdout.length).toBeGreaterThan(146);
		expect(holdout.length).toBeLessThan(254);
	});

	it('assigns by the documented hash, the same on every run, independent of batch and order', async () => {
		const items = customers(300);
		const first = await assign(items);
		const reversed = await assign([...items].reverse());
		const alone = await assign([items[17]]);
		const groupOf = (r: Awaited<ReturnType<typeof assign>>) =>
			Object.fromEntries([...r.json(NODE_UNDER_TEST, 0), ...r.json(NODE_UNDER_TEST, 1)].map((j) => [j.customerId, (j.impact as { group: string; position: number })]));
		const a = groupOf(first);
		const b = groupOf(reversed);
		for (const item of items) {
			const id = item.customerId;
			expect(b[id]).toEqual(a[id]);
			expect(a[id].position).toBe(documentedPosition('win-back-2026-03', id));
			expect(a[id].group).toBe(a[id].position < 0.1 ? 'holdout' : 'treatment');
		}
		expect(groupOf(alone)[items[17].customerId]).toEqual(a[items[17].customerId]);
		// Another campaign draws anew: about 10% of this campaign's holdout is in the other's holdout.
		const other = groupOf(await assign(items, { campaign: 'birthday-2026' }));
		const differing = items.filter((i) => other[i.customerId].group !== a[i.customerId].group).length;
		expect(differing).toBeGreaterThan(0);
	});

	it('keeps the holdout share in every stratum and records the stratum', async () => {
		const levels = ['low', 'medium', 'high', 'critical'];
		const items = customers(12000, (i) => levels[i % 4]);
		const result = await assign(items, { stratumColumn: 'churn.riskLevel', holdoutPercent: 20 });
		const all = [...result.json(NODE_UNDER_TEST, 0), ...result.json(NODE_UNDER_TEST, 1)];
		expect(all).toHaveLength(12000);
		for (const level of levels) {
			const stratum = all.filter((j) => (j.impact as { stratum: string }).stratum === level);
			expect(stratum).toHaveLength(3000);
			const share = stratum.filter((j) => (j.impact as { group: string }).group === 'holdout').length / stratum.length;
			// 20% of 3,000: sd 0.73 points; within 4 sd.
			expect(Math.abs(share - 0.2)).toBeLessThan(0.03);
		}
		// The group does not depend on the stratum: the same customer in another stratum keeps its group.
		const moved = await assign(items.slice(0, 50).map((i) => ({ ...i, churn: { riskLevel: 'moved' } })), { stratumColumn: 'churn.riskLevel', holdoutPercent: 20 });
		for (const j of [...moved.json(NODE_UNDER_TEST, 0), ...moved.json(NODE_UNDER_TEST, 1)]) {
			expect((j.impact as { group: string }).group).toBe((all.find((a) => a.customerId === j.customerId)!.impact as { group: string }).group);
		}
	});

	it('names field, value and expected form for bad items; with the error output each bad item leaves there once', async () => {
		const items = [{ customerId: 'A1' }, { customerId: '' }, { customerId: { id: 3 } }, { customerId: 'A4', impact: 'taken' }, { customerId: 7, churn: {} }];
		const stopped = await assign(items);
		expect(stopped.error?.message).toBe('Item 1: field "customerId" is "", which is empty (expected a customer ID (text or number))');
		const routed = await assign(items, {}, 'continueErrorOutput');
		const errors = routed.items(NODE_UNDER_TEST, 2);
		expect(errors.map((e) => e.json.error)).toEqual([
			'Item 1: field "customerId" is "", which is empty (expected a customer ID (text or number))',
			'Item 2: field "customerId" is "{"id":3}", which is not a customer ID (expected a customer ID (text or number))',
			'Item 3: field "impact" is "taken", which already exists in the item (expected a free output field: change "Output Field")',
		]);
		expect(errors.map((e) => e.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		const good = [...routed.json(NODE_UNDER_TEST, 0), ...routed.json(NODE_UNDER_TEST, 1)].map((j) => j.customerId);
		expect(good.sort((x, y) => String(x).localeCompare(String(y)))).toEqual([7, 'A1']);
		const stratified = await assign(items.slice(4), { stratumColumn: 'churn.riskLevel' });
		expect(stratified.error?.message).toBe('Item 0: field "churn.riskLevel" is missing, which is empty (expected a stratum value such as a segment or risk level (text, number or date))');
	});

	it('refuses a missing campaign or an impossible share as a node error', async () => {
		expect((await assign(customers(2), { campaign: ' ' })).error?.message).toBe(
			'Parameter "Campaign" is "", which is empty (expected the campaign’s name, e.g. "win-back-2026-03": the name is part of every customer’s assignment)',
		);
		expect((await assign(customers(2), { holdoutPercent: 100 })).error?.message).toBe('Parameter "Holdout Share (%)" is 100, which is not below 100 (expected a percentage more than 0 and below 100)');
		expect((await assign(customers(2), { holdoutPercent: 0 })).error?.message).toBe('Parameter "Holdout Share (%)" is 0, which is not more than 0 (expected a percentage more than 0 and below 100)');
	});
});
