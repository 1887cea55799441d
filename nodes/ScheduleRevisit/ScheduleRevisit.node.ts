import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { getAsOf } from '../helpers/asOf';
import { toNodeError } from '../helpers/errors';
import { checkTimeZone } from '../shared/calendar';
import type { Language } from '../shared/revisit';
import { commonProperties, optionProperties } from './description';
import { findOccasions, findOccasionsProperties } from './operations/findOccasions';
import { scheduleRevisit, scheduleRevisitProperties } from './operations/scheduleRevisit';
import type { RunSettings } from './operations/types';

export class ScheduleRevisit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Schedule Revisit',
		name: 'scheduleRevisit',
		icon: { light: 'file:scheduleRevisit.svg', dark: 'file:scheduleRevisit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ { scheduleRevisit: "Schedule revisit", findOccasions: "Find care occasions" }[$parameter["operation"]] }}',
		description: 'Plan revisits on business days with owner capacity, and find birthdays, anniversaries and festivals',
		defaults: { name: 'Schedule Revisit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Customers', 'Owner Agenda'],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Find Care Occasions',
						value: 'findOccasions',
						action: 'Find care occasions',
						description: 'Birthdays (also lunar), membership and first-purchase anniversaries, and festivals coming up',
					},
					{
						name: 'Schedule Revisit',
						value: 'scheduleRevisit',
						action: 'Schedule a revisit',
						description: 'A due date from your cadence rules, moved to open days and slots, with an owner within capacity',
					},
				],
				default: 'scheduleRevisit',
			},
			...scheduleRevisitProperties,
			...findOccasionsProperties,
			...commonProperties,
			...optionProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const operation = this.getNodeParameter('operation', 0) as string;
		let settings: RunSettings;
		try {
			const zone = String(this.getNodeParameter('timeZone', 0, '') ?? '').trim();
			settings = {
				node,
				asOf: getAsOf(this),
				language: this.getNodeParameter('language', 0, 'en') as Language,
				outputField: String(this.getNodeParameter('outputField', 0, 'revisit')).trim() || 'revisit',
				timeZone: checkTimeZone(zone || this.getTimezone()),
				continueOnFail: this.continueOnFail(),
			};
		} catch (error) {
			throw toNodeError(node, error);
		}
		if (operation === 'findOccasions') return findOccasions.call(this, settings);
		return scheduleRevisit.call(this, settings);
	}
}
