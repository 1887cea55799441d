import type { IDataObject } from 'n8n-workflow';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { nonFinite, outputsOf } from '../helpers/runChecks';
import { AS_OF_LOCAL, ZONES, calendarDaysBetween, dateForms, instantOf, round2, withOffset } from './zoneCases';

/**
 * Score Satisfaction's Recency-Weighted Mean weighs a response Half-Life days older than the customer's
 * latest one by half (README, Per customer over time), days of the workflow zone's calendar as everywhere
 * else. Each customer answers CSAT 1 at a moment in some form (date only, local date-time, with an offset,
 * epoch s/ms) and CSAT 5 at the hard moment itself (a clock change, midnight and a millisecond before it,
 * 29 February, the year's end); the index is 100 / (1 + 0.5^(calendar days / 90)), and the first and last
 * response times carry the zone's offset.
 */
const HALF_LIFE = 90;

async function weighted(zone: string, latestText: string) {
	const latest = instantOf(latestText, zone);
	const forms = dateForms(latest, zone);
	const items = forms.flatMap((f, i) => [
		{ customerId: `C${i}`, respondedAt: f.value, csat: 1 },
		{ customerId: `C${i}`, respondedAt: latestText, csat: 5 },
	]);
	const result = await runNode({
		type: 'scoreSatisfaction',
		parameters: { metrics: ['csat'], aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: HALF_LIFE },
		items,
		timezone: zone,
		onError: 'continueErrorOutput',
	});
	expect(result.error).toBeUndefined();
	expect(outputsOf(result).at(-1)).toEqual([]);
	expect(nonFinite(outputsOf(result))).toEqual([]);
	const out = result.json(NODE_UNDER_TEST, 0).map((j) => j.satisfaction as IDataObject);
	expect(out).toHaveLength(forms.length);
	const actual = out.map((s, i) => ({ latest: latestText, older: forms[i].value, index: s.index, firstResponseAt: s.firstResponseAt, lastResponseAt: s.lastResponseAt }));
	const expected = forms.map((f) => ({
		latest: latestText,
		older: f.value,
		index: round2(100 / (1 + 0.5 ** (calendarDaysBetween(f.instant, latest, zone) / HALF_LIFE))),
		firstResponseAt: withOffset(f.instant, zone),
		lastResponseAt: withOffset(latest, zone),
	}));
	return { actual, expected };
}

describe.each(ZONES)('Score Satisfaction in %s', (zone) => {
	it('recency weights count calendar days, the latest response at each hard moment', async () => {
		const actual: unknown[] = [];
		const expected: unknown[] = [];
		for (const latest of AS_OF_LOCAL) {
			const both = await weighted(zone, latest);
			actual.push(...both.actual);
			expected.push(...both.expected);
		}
		expect(actual).toEqual(expected);
	});
});

/**
 * The smallest case: in New York 2024-01-01 and 2024-03-31 are 90 calendar days apart, one half-life, so
 * CSAT 1 then 5 gives the index 100 / 1.5 = 66.67 (as in UTC); the clocks went forward on 10 March, and
 * the age was read as 89.958 days of elapsed time (66.66) before M's fix (request O-to-M.md).
 */
it('Score Satisfaction: a response one half-life of calendar days older weighs half across a clock change', async () => {
	const result = await runNode({
		type: 'scoreSatisfaction',
		parameters: { metrics: ['csat'], aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: 90 },
		items: [
			{ customerId: 'A', respondedAt: '2024-01-01', csat: 1 },
			{ customerId: 'A', respondedAt: '2024-03-31', csat: 5 },
		],
		timezone: 'America/New_York',
	});
	expect((result.json(NODE_UNDER_TEST, 0)[0].satisfaction as IDataObject).index).toBe(66.67);
});
