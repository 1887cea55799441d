import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { applyValueTier, revenueBeyondLearnedTotal, valueTiers } from '../../shared/segments';
import { tierShares } from '../learnedState';
import type { SegmentMethod } from './types';
import { numberParameter } from '../../common';
import { inputProperties, readInputColumn } from '../columns';
import { choice } from '../parameters';

const show = { show: { method: ['valueTier'] } };

export const valueTierProperties: INodeProperties[] = [
	numberParameter(
		'tierAShare',
		'Tier A Revenue Share (%)',
		80,
		'Top customers who together bring this share of revenue are tier A',
		{ typeOptions: { minValue: 1, maxValue: 100 }, displayOptions: show },
	),
	numberParameter(
		'tierBShare',
		'Tier A+B Revenue Share (%)',
		95,
		'Tiers A and B together cover this share of revenue; the rest is tier C',
		{ typeOptions: { minValue: 1, maxValue: 100 }, displayOptions: show },
	),
];

export function valueTierMethod(ctx: IExecuteFunctions): SegmentMethod {
	const shares = tierShares(ctx);
	return {
		needs: { lastPurchase: 'optional', firstPurchase: 'unused', purchaseCount: 'optional', totalSpend: 'required' },
		segment(subjects, run) {
			const learned = run.learned?.valueTier;
			if (learned) {
				// The field the revenue is read from: the total spend column, or the derived totalSpend summed from the amounts.
				const transactions = choice(ctx, inputProperties, 'inputShape') === 'transaction';
				const field = transactions ? 'totalSpend' : readInputColumn(ctx, 'totalSpendColumn');
				const summedFrom = transactions ? readInputColumn(ctx, 'amountColumn') : undefined;
				// A page run: rank and cumulative share would place the customer within this page only.
				return subjects.map(({ record }) => {
					const beyond = revenueBeyondLearnedTotal(record.revenue!, learned, record.customerId, field, summedFrom);
					if (beyond) return beyond;
					const { tier, revenueShare } = applyValueTier(record.revenue!, learned, run.language);
					return { key: tier.key, label: tier.label, details: { revenue: record.revenue!, revenueShare } };
				});
			}
			const tiers = valueTiers(
				subjects.map((s) => s.record.revenue!),
				shares,
				run.language,
			);
			return tiers.map((t, i) => ({
				key: t.tier.key,
				label: t.tier.label,
				details: {
					revenue: subjects[i].record.revenue!,
					rank: t.rank,
					revenueShare: t.revenueShare,
					cumulativeShare: t.cumulativeShare,
				},
			}));
		},
	};
}
