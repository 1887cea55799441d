import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { runRouted } from '../common';
import { properties } from './description';
import { scoreSatisfaction } from './execute';

export class ScoreSatisfaction implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Score Satisfaction',
		name: 'scoreSatisfaction',
		icon: { light: 'file:scoreSatisfaction.svg', dark: 'file:scoreSatisfaction.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ ($parameter["metrics"] || []).join(" + ").toUpperCase() }}',
		description: 'Score survey answers (NPS, CSAT, CES, expectation gap, Kano) per response or customer, with a report and margins',
		defaults: { name: 'Score Satisfaction' },
		usableAsTool: {
			replacements: {
				description:
					'Score one survey response with the metrics the node is set to: NPS class (promoter, passive or detractor), CSAT (satisfied or not), ' +
					'CES (easy or not), the expectation gap per service dimension or the Kano class per feature. Pass the answers as the node\'s columns ' +
					'name them, by default nps (0-10), csat (1-5) and ces (1-7).',
			},
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Responses', 'Report'],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runRouted(this, 2, () => scoreSatisfaction.call(this));
	}
}
