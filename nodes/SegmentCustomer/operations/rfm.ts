import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { RFM_BIN_CHOICES, scoreRfmColumns, type RfmBins } from '../../shared/segments';
import type { SegmentMethod } from './types';
import { optionsParameter } from '../../common';

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

export const round2 = (n: number) => Math.round(n * 100) / 100;

export function rfmBins(ctx: IExecuteFunctions): RfmBins {
	return Number(ctx.getNodeParameter('rfmBins', 0, 5)) as RfmBins;
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
