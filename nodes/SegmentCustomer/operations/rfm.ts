import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { sharedFrozen } from '../../shared/outputItems/sharedFrozen';
import { RFM_BIN_CHOICES, scoreRfmColumns, type RfmBins, type RfmColumnScores } from '../../shared/segments';
import { parameterError } from '../../shared/input';
import { roundTo } from '../../shared/stats';
import type { SegmentMethod } from './types';
import { batchParameter, optionsParameter, parameterNumber } from '../../common';

export const rfmProperties: INodeProperties[] = [
	optionsParameter(
		'rfmBins',
		'Score Bins',
		RFM_BIN_CHOICES.map((k) => ({ name: `${k} (Scores 1-${k})`, value: k })),
		5,
		'How many quantile bins each of recency, frequency and monetary is scored in',
		{ displayOptions: { show: { method: ['rfm'] } } },
	),
];

export const round2 = (n: number) => roundTo(n, 2);

/**
 * The `segment` object of row `row` of scored columns, for the column paths (one item per customer or
 * per transaction): the fields in the order rfmMethod's outcome writes them, the label, code and
 * `scores` object shared by every customer that has them.
 */
export function rfmSegmentWriter(scored: RfmColumnScores, bins: RfmBins, asOfText: string) {
	const { r, f, m, codes, segments } = scored;
	// One frozen `scores` object per distinct R-F-M triple (at most k^3, k <= 10, so each fits 4 bits of the key).
	const scoresOf = sharedFrozen((code: number) => ({ recency: code >> 8, frequency: (code >> 4) & 15, monetary: code & 15 }));
	return (row: number, recencyDays: number, frequency: number, monetary: number) => {
		const { key, label } = segments[row];
		return {
			key,
			label,
			method: 'rfm',
			scores: scoresOf((r[row] << 8) | (f[row] << 4) | m[row]),
			code: codes[row],
			bins,
			values: { recencyDays: round2(recencyDays), frequency, monetary },
			asOf: asOfText,
		};
	};
}

export function rfmBins(ctx: IExecuteFunctions): RfmBins {
	const raw = batchParameter(ctx, 'rfmBins', 5);
	const bins = parameterNumber(raw) as RfmBins;
	if (!RFM_BIN_CHOICES.includes(bins)) throw parameterError('Score Bins', raw, 'is not one of its choices', `one of ${RFM_BIN_CHOICES.join(', ')}`);
	return bins;
}

export function rfmMethod(ctx: IExecuteFunctions): SegmentMethod {
	const bins = rfmBins(ctx);
	return {
		needs: { lastPurchase: 'required', firstPurchase: 'unused', purchaseCount: 'required', totalSpend: 'required' },
		segment(subjects, run) {
			const n = subjects.length;
			const columns = { recencyDays: new Float64Array(n), frequency: new Float64Array(n), monetary: new Float64Array(n) };
			subjects.forEach((s, i) => {
				columns.recencyDays[i] = s.recencyDays!;
				columns.frequency[i] = s.record.purchases!;
				columns.monetary[i] = s.record.revenue!;
			});
			const scored = scoreRfmColumns(columns, bins, run.language, run.learned?.rfmCuts);
			return scored.map((result, i) => ({
				key: result.segment.key,
				label: result.segment.label,
				details: {
					scores: { recency: result.r, frequency: result.f, monetary: result.m },
					code: result.code,
					bins,
					values: {
						recencyDays: round2(subjects[i].recencyDays!),
						frequency: subjects[i].record.purchases!,
						monetary: subjects[i].record.revenue!,
					},
				},
			}));
		},
	};
}
