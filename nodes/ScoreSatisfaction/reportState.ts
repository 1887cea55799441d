import type { IDataObject, INodeExecutionData, INodeProperties, IPairedItemData, NodeExecutionHint } from 'n8n-workflow';
import type { ItemRouter } from '../common';
import { pageIdentity, type SatisfactionReport } from '../shared/satisfaction';
import { optionsParameter } from '../common';

/**
 * Reports page by page: each page run adds its counts to its overall report row, and a final run adds
 * the pages' states up into the report of one run over every response (see shared/satisfaction/reportState.ts).
 */
export const reportStateProperties: INodeProperties[] = [
	optionsParameter(
		'reportState',
		'Report State',
		[
			{ name: 'None', value: 'none', description: 'Report the responses of this run only' },
			{
				name: 'Add to Overall Row',
				value: 'output',
				description: 'Also put this run’s counts on its overall report row (reportState), to combine pages later',
			},
			{
				name: 'Combine Page Reports',
				value: 'combine',
				description: 'Input items are the overall report rows of page runs; outputs the report of all their responses together',
			},
		],
		'none',
		undefined,
		{ noDataExpression: true },
	),
];

export type ReportStateMode = 'none' | 'output' | 'combine';

/** Combine mode: every input item is one page's overall row (or its reportState); each leaves on the overall row's pairing and its groups' rows'. */
export function combinePageReports(
	items: INodeExecutionData[],
	report: SatisfactionReport,
	router: ItemRouter,
	pairs: Map<string, IPairedItemData[]>,
	overallPairs: IPairedItemData[],
): void {
	items.forEach((item, index) => {
		try {
			const pair = { item: index };
			for (const group of report.addState(item.json, index)) {
				let groupPairs = pairs.get(group);
				if (!groupPairs) pairs.set(group, (groupPairs = []));
				groupPairs.push(pair);
			}
			overallPairs.push(pair);
		} catch (error) {
			router.reject(error, index);
		}
	});
}

/** The overall row of a page run, carrying the page's counts and its identity (a digest of its input items). */
export function withReportState(json: IDataObject, report: SatisfactionReport, items: INodeExecutionData[]): IDataObject {
	json.reportState = report.state(pageIdentity(items.map((item) => item.json))) as unknown as IDataObject;
	return json;
}

/** Combine mode: a warning when page states without a page ID were combined, whose repeats go unnoticed. */
export function unidentifiedPagesHints(report: SatisfactionReport): NodeExecutionHint[] {
	const count = report.unidentifiedPages;
	if (count === 0) return [];
	const states = count === 1 ? '1 page state carries' : `${count} page states carry`;
	return [
		{
			message: `${states} no page ID (written before page IDs were added), so a page given twice among them would count twice unnoticed. Run those pages again to give their states one.`,
			type: 'warning',
			location: 'outputPane',
		},
	];
}
