import type { IDataObject } from 'n8n-workflow';
import { runNode, NODE_UNDER_TEST, type NodeRunOptions, type WorkflowResult } from '../../helpers/runWorkflow';

export const WEBHOOK_SECRET = 'whsec_4f9c2a7e1b3d5f60';

/** 12:00 in Shanghai on Sunday 8 March 2026: inside the default sending hours. */
export const DAYTIME = '2026-03-08T04:00:00Z';

export interface CareRun {
	result: WorkflowResult;
	sent: IDataObject[];
	skipped: IDataObject[];
	failed: IDataObject[];
	/** The `care` field of each output's items. */
	care: (output: 'sent' | 'skipped' | 'failed') => IDataObject[];
}

/** Runs Send Care Message through the real engine with the generic webhook channel at `url`. */
export async function runCare(
	url: string,
	items: IDataObject[],
	parameters: IDataObject = {},
	extra: Partial<NodeRunOptions> = {},
): Promise<CareRun> {
	const result = await runNode({
		type: 'sendCareMessage',
		parameters: {
			channel: 'webhook',
			template: 'custom',
			purpose: 'service',
			subject: 'Order {{orderId}}',
			text: 'Hi {{name|there}}, order {{orderId}} has shipped.',
			timeZoneField: 'timeZone',
			...parameters,
			options: { asOf: DAYTIME, ...((parameters.options as IDataObject) ?? {}) },
		},
		items,
		credentials: { careWebhookApi: { url, signingSecret: WEBHOOK_SECRET }, ...(extra.credentials ?? {}) },
		nodeCredentials: { careWebhookApi: { id: 'hook', name: 'Care hook' }, ...(extra.nodeCredentials ?? {}) },
		...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'credentials' && k !== 'nodeCredentials')),
	});
	const json = (i: number) => (result.error ? [] : result.json(NODE_UNDER_TEST, i));
	const outputs = { sent: json(0), skipped: json(1), failed: json(2) };
	return { result, ...outputs, care: (output) => outputs[output].map((o) => o.care as IDataObject) };
}
