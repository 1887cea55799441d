import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { CHANNELS, type ChannelKind } from '../../../nodes/shared/messaging/channels/registry';
import { runNode, NODE_UNDER_TEST, type NodeRunOptions, type WorkflowResult } from '../../helpers/runWorkflow';
import type { Delivery, RecordedRequest } from '../../helpers/providers';

/** 12:00 in Shanghai on Sunday 8 March 2026: inside the default sending hours. */
export const DAYTIME = '2026-03-08T04:00:00Z';

export interface CareRun {
	result: WorkflowResult;
	sent: IDataObject[];
	skipped: IDataObject[];
	failed: IDataObject[];
	/** The `care` field of one output's items. */
	care: (output: 'sent' | 'skipped' | 'failed') => IDataObject[];
}

/** The channel credentials a loopback server hands out. */
export interface ChannelServer {
	kind: ChannelKind;
	credentials: Record<string, unknown>;
}

/**
 * Runs Send Care Message through the real engine against a loopback provider server. Defaults: a
 * custom service message, as of midday in Shanghai.
 */
export async function runCare(
	server: ChannelServer,
	items: IDataObject[],
	parameters: IDataObject = {},
	extra: Partial<NodeRunOptions> = {},
): Promise<CareRun> {
	const credentialType = CHANNELS[server.kind].credentialType;
	const { credentials, nodeCredentials, ...rest } = extra;
	const result = await runNode({
		type: 'sendCareMessage',
		parameters: {
			channel: server.kind,
			template: 'custom',
			purpose: 'service',
			subject: 'Order {{orderId}}',
			text: 'Hi {{name|there}}, order {{orderId}} has shipped.',
			...parameters,
			options: { asOf: DAYTIME, ...((parameters.options as IDataObject) ?? {}) },
		},
		items,
		credentials: { [credentialType]: server.credentials as ICredentialDataDecryptedObject, ...(credentials ?? {}) },
		nodeCredentials: { [credentialType]: { id: server.kind, name: `${server.kind} loopback` }, ...(nodeCredentials ?? {}) },
		...rest,
	});
	const json = (i: number) => (result.error ? [] : result.json(NODE_UNDER_TEST, i));
	const outputs = { sent: json(0), skipped: json(1), failed: json(2) };
	return { result, ...outputs, care: (output) => outputs[output].map((o) => o.care as IDataObject) };
}

/** Deliveries per idempotency key. */
export function deliveriesByKey(deliveries: readonly Delivery[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const d of deliveries) counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
	return counts;
}

/** Requests per idempotency key (HTTP providers that carry one in the Idempotency-Key header). */
export function requestsByKey(requests: readonly RecordedRequest[]): Map<string, RecordedRequest[]> {
	const byKey = new Map<string, RecordedRequest[]>();
	for (const r of requests) {
		const key = String(r.headers['idempotency-key'] ?? '');
		byKey.set(key, [...(byKey.get(key) ?? []), r]);
	}
	return byKey;
}

/** A fault hook that applies to the n-th request (from 0) carrying a key that starts with `prefix`. */
export function onAttempt<T>(prefix: string, attempt: number, fault: T): (request: RecordedRequest) => T | undefined {
	const seen = new Map<string, number>();
	return (request) => {
		const key = String(request.headers['idempotency-key'] ?? '');
		const n = seen.get(key) ?? 0;
		seen.set(key, n + 1);
		return key.startsWith(prefix) && n === attempt ? fault : undefined;
	};
}
