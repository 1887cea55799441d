import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { runRouted } from '../common';
import { properties } from './description';
import { detectChurnRisk } from './execute';

export class DetectChurnRisk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Detect Churn Risk',
		name: 'detectChurnRisk',
		icon: { light: 'file:detectChurnRisk.svg', dark: 'file:detectChurnRisk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ { bgNbd: "BG/NBD", paretoNbd: "Pareto/NBD", sbg: "sBG", rules: "Rules only" }[$parameter["method"]] }}',
		description: 'Score how likely each customer is to churn, what they are worth, and why',
		defaults: { name: 'Detect Churn Risk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['At Risk', 'Healthy', 'Model'],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return runRouted(this, 3, () => detectChurnRisk.call(this));
	}
}
