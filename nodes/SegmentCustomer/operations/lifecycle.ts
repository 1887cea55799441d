import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { calendarDays, ConfigError } from '../../shared/input';
import { DEFAULT_LIFECYCLE_THRESHOLDS as D, lifecycleStage, type LifecycleThresholds } from '../../shared/segments';
import { roundTo } from '../../shared/stats';
import type { SegmentMethod } from './types';
import { optionsParameter, readNumber } from '../../common';
import { choice } from '../choices';

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
	if (value < 0) throw new ConfigError(`"${displayName}" must be at least 0; got ${value}`);
	return value;
}

export function lifecycleMethod(ctx: IExecuteFunctions): SegmentMethod {
	const mode = choice<'fixedDays' | 'ownInterval'>(ctx, lifecycleProperties, 'lifecycleMode');
	const t = Object.fromEntries(Object.entries(D).map(([name, fallback]) => [name, readThreshold(ctx, name, fallback)])) as unknown as LifecycleThresholds;
	if (!(t.activeWithinDays <= t.atRiskWithinDays && t.atRiskWithinDays <= t.lapsedWithinDays)) {
		throw new ConfigError('Lifecycle day thresholds must grow: active <= at risk <= lapsed');
	}
	if (!(t.activeWithinIntervals <= t.atRiskWithinIntervals && t.atRiskWithinIntervals <= t.lapsedWithinIntervals)) {
		throw new ConfigError('Lifecycle interval thresholds must grow: active <= at risk <= lapsed');
	}
	return {
		needs: { lastPurchase: 'optional', firstPurchase: 'optional', purchaseCount: 'required', totalSpend: 'optional' },
		segment(subjects, run) {
			return subjects.map(({ record, recencyDays }) => {
				const daysSinceFirst = record.firstPurchase ? calendarDays(record.firstPurchase.getTime(), run.asOf.getTime(), run.timeZone) : undefined;
				const purchases = record.purchases ?? 0;
				if (purchases > 0 && recencyDays === undefined) {
					return new Error(`customer "${record.customerId}" has ${purchases} purchases but no last purchase date`);
				}
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
