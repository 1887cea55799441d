import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { calendarDays, ConfigError, dayNumber, describeValue, getField, InputError, parameterError } from '../../shared/input';
import { toIsoWithOffset } from '../../shared/format/isoDate';
import { DEFAULT_LIFECYCLE_THRESHOLDS as D, lifecycleStage, type LifecycleThresholds } from '../../shared/segments';
import { roundTo } from '../../shared/stats';
import type { SegmentMethod, SegmentSubject } from './types';
import { optionsParameter, readNumber } from '../../common';
import { readInputColumn } from '../columns';
import { choice } from '../parameters';

const show = { show: { method: ['lifecycle'] } };
const own = { show: { method: ['lifecycle'], lifecycleMode: ['ownInterval'] } };

const days = (name: string, displayName: string, value: number, description: string, displayOptions: IDisplayOptions): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0 },
	default: value,
	description,
	displayOptions,
});

export const lifecycleProperties: INodeProperties[] = [
	optionsParameter(
		'lifecycleMode',
		'Judge Recency By',
		[
			{
				name: 'Fixed Days',
				value: 'fixedDays',
				description: 'The same day thresholds for every customer',
			},
			{
				name: "Customer's Own Interval",
				value: 'ownInterval',
				description: 'How many of the customer’s usual gaps between purchases have passed (one-time buyers use fixed days)',
			},
		],
		'fixedDays',
		undefined,
		{ displayOptions: show },
	),
	days('newWithinDays', 'New Within (Days)', D.newWithinDays, 'A one-time buyer whose first purchase is at most this old is new', show),
	days('activeWithinDays', 'Active Within (Days)', D.activeWithinDays, 'Last purchase at most this many days ago: active', show),
	days('atRiskWithinDays', 'At Risk Within (Days)', D.atRiskWithinDays, 'Beyond active and up to this many days: at risk', show),
	days('lapsedWithinDays', 'Lapsed Within (Days)', D.lapsedWithinDays, 'Beyond at risk and up to this many days: lapsed; older: lost', show),
	days('activeWithinIntervals', 'Active Within (Intervals)', D.activeWithinIntervals, 'At most this many usual gaps since the last purchase: active', own),
	days('atRiskWithinIntervals', 'At Risk Within (Intervals)', D.atRiskWithinIntervals, 'Up to this many usual gaps: at risk', own),
	days('lapsedWithinIntervals', 'Lapsed Within (Intervals)', D.lapsedWithinIntervals, 'Up to this many usual gaps: lapsed; more: lost', own),
];

const round2 = (n: number | undefined) => (n === undefined ? undefined : roundTo(n, 2));

/** A threshold parameter: a number of at least 0 (a cleared field is an error, not 0). */
function readThreshold(ctx: IExecuteFunctions, name: string, fallback: number): number {
	const displayName = lifecycleProperties.find((p) => p.name === name)?.displayName ?? name;
	const value = readNumber(ctx, name, fallback, displayName);
	if (value < 0) throw parameterError(displayName, value, 'is below 0', 'a number of at least 0');
	return value;
}

/** Active <= at risk <= lapsed, else a stage is never given; the message names each threshold with its value. */
function checkGrowing(t: LifecycleThresholds, names: Array<keyof LifecycleThresholds>, kind: string): void {
	if (names.every((name, i) => i === 0 || t[names[i - 1]] <= t[name])) return;
	const labels = names.map((name) => `"${lifecycleProperties.find((p) => p.name === name)!.displayName}"`);
	const given = names.map((name, i) => `${labels[i]} ${describeValue(t[name])}`);
	throw new ConfigError(`Lifecycle ${kind} thresholds ${given.join(', ')} do not grow, so a stage would never be given (expected ${labels.join(' <= ')})`);
}

/**
 * An order count the purchase dates contradict, which would decide the stage on its own: 0 orders with
 * a purchase date made a buyer a prospect, 1 order with first and last purchases on different days made
 * a repeat buyer new. One order on one day may have a first and last time (same-day orders collapsed).
 */
function countAgainstDates(record: SegmentSubject['record'], countColumn: string, timeZone: string): InputError | undefined {
	const { purchases, firstPurchase, lastPurchase } = record;
	const dated = lastPurchase ?? firstPurchase;
	if (purchases === 0 && dated) {
		const which = lastPurchase ? 'last' : 'first';
		return new InputError(countColumn, purchases, `contradicts the ${which} purchase date (${toIsoWithOffset(dated, timeZone)})`, 'at least 1 for a customer with a purchase date');
	}
	if (purchases === 1 && firstPurchase && lastPurchase && dayNumber(firstPurchase.getTime(), timeZone) !== dayNumber(lastPurchase.getTime(), timeZone)) {
		const days = `${toIsoWithOffset(firstPurchase, timeZone)} and ${toIsoWithOffset(lastPurchase, timeZone)}`;
		return new InputError(countColumn, purchases, `contradicts first and last purchases on different days (${days})`, 'at least 2 for purchases on different days');
	}
	return undefined;
}

export function lifecycleMethod(ctx: IExecuteFunctions): SegmentMethod {
	const mode = choice<'fixedDays' | 'ownInterval'>(ctx, lifecycleProperties, 'lifecycleMode');
	const t = Object.fromEntries(Object.entries(D).map(([name, fallback]) => [name, readThreshold(ctx, name, fallback)])) as unknown as LifecycleThresholds;
	checkGrowing(t, ['activeWithinDays', 'atRiskWithinDays', 'lapsedWithinDays'], 'day');
	checkGrowing(t, ['activeWithinIntervals', 'atRiskWithinIntervals', 'lapsedWithinIntervals'], 'interval');
	const countColumn = readInputColumn(ctx, 'purchaseCountColumn');
	const lastColumn = readInputColumn(ctx, 'lastPurchaseColumn');
	return {
		needs: { lastPurchase: 'optional', firstPurchase: 'optional', purchaseCount: 'required', totalSpend: 'optional' },
		segment(subjects, run) {
			return subjects.map(({ record, recencyDays, json }) => {
				const purchases = record.purchases ?? 0;
				if (purchases > 0 && recencyDays === undefined) {
					const expected = 'the date of the last purchase (an order count of 0 for a prospect)';
					return new InputError(lastColumn, getField(json, lastColumn), `gives no date for customer ${describeValue(record.customerId)} with ${purchases} purchases`, expected);
				}
				const contradiction = countAgainstDates(record, countColumn, run.timeZone);
				if (contradiction) return contradiction;
				// One purchase: the first is the last, also when the first purchase column is not given.
				const first = record.firstPurchase ?? (purchases === 1 ? record.lastPurchase : undefined);
				const daysSinceFirst = first ? calendarDays(first.getTime(), run.asOf.getTime(), run.timeZone) : undefined;
				const result = lifecycleStage({ purchases, daysSinceFirst, daysSinceLast: recencyDays }, mode, t, run.language);
				return {
					key: result.stage.key,
					label: result.stage.label,
					details: {
						basis: result.basis,
						daysSinceLast: round2(result.daysSinceLast) ?? null,
						usualIntervalDays: round2(result.usualIntervalDays) ?? null,
						intervalsSinceLast: round2(result.intervalsSinceLast) ?? null,
					},
				};
			});
		},
	};
}
