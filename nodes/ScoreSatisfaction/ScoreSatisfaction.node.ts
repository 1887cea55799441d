import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { mainOutputs, nodeIdentity, runRouted } from '../common';
import { properties } from './description';
import { scoreSatisfaction } from './execute';

export class ScoreSatisfaction implements INodeType {
	description: INodeTypeDescription = {
		...nodeIdentity('Score Satisfaction'),
		icon: { light: 'file:scoreSatisfaction.svg', dark: 'file:scoreSatisfaction.dark.svg' },
		subtitle: '={{ ($parameter["metrics"] || []).join(" + ").toUpperCase() }}',
		description: 'Score survey answers (NPS, CSAT, CES, expectation gap, Kano) per response or customer, with a report and margins',
		usableAsTool: {
			replacements: {
				description:
					'Score one survey response with the metrics the node is set to: NPS class (promoter, passive or detractor), CSAT (satisfied or not), ' +
					'CES (easy or not), the expectation gap per service dimension or the Kano class per feature. Pass the answers as the node\'s columns ' +
					'name them, by default nps (0-10), csat (1-5) and ces (1-7).',
			},
		},
		...mainOutputs(['Responses', 'Report']),
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runRouted(this, 2, () => scoreSatisfaction.call(this));
	}
}
