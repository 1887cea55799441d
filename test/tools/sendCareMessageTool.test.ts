import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SendCareMessage } from '../../nodes/SendCareMessage/SendCareMessage.node';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { callNodeAsTool } from './toolHarness';

/** A field parameter that makes the agent pass `key` (a $fromAI placeholder) and reads the item field `key`. */
const agentField = (key: string, what: string) => `={{ ($fromAI('${key}', '${what}', 'string'), '${key}') }}`;

/** A marketing message over the generic webhook, as an agent would be given it: who, their name, their consent. */
function toolParameters(options: IDataObject = {}): INodeParameters {
	return {
		channel: 'webhook',
		template: 'custom',
		purpose: 'marketing',
		language: 'en',
		// An expression is finished text, never read as a template: the agent's value goes in as it is.
		text: "=Hi {{ $fromAI('name', 'the customer name', 'string') }}, a gift for you.",
		customerIdField: agentField('customerId', 'the customer ID'),
		consentField: agentField('consent', 'whether the customer agreed to marketing messages: yes or no'),
		quietHours: false,
		frequencyCap: 'off',
		options: { asOf: '2026-03-08T04:00:00Z', ...options },
	};
}

describe("Send Care Message through n8n-core's node-as-tool wrapper (createNodeAsTool, as the AI Agent calls it)", () => {
	let server: ProviderServer;
	beforeEach(async () => {
		server = await startWebhookServer();
	});
	afterEach(async () => server.close());

	const call = (args: IDataObject, options: IDataObject = {}) =>
		callNodeAsTool({
			type: 'sendCareMessage',
			parameters: toolParameters(options),
			args,
			credentials: { careWebhookApi: server.credentials as never },
			nodeCredentials: { careWebhookApi: { id: 'webhook', name: 'webhook loopback' } },
		});
	const careOf = (answer: unknown) => {
		expect(answer).toEqual([expect.objectContaining({ care: expect.any(Object) })]);
		return (answer as Array<{ care: IDataObject }>)[0].care;
	};
	const noSecretIn = (answer: unknown) => {
		expect(server.secrets.length).toBeGreaterThan(0);
		for (const secret of server.secrets) expect(JSON.stringify(answer)).not.toContain(secret);
	};

	it('sent: the tool asks for the $fromAI fields and answers with the sent message on output 0', async () => {
		const result = await call({ customerId: 'C1', consent: 'yes', name: 'Ann' });
		expect(result.error).toBeUndefined();
		expect(result.arguments.sort()).toEqual(['consent', 'customerId', 'name']);
		const care = careOf(result.answer);
		expect(care).toMatchObject({ status: 'sent', channel: 'webhook', attempts: 1, content: { text: 'Hi Ann, a gift for you.' } });
		expect(server.deliveries).toHaveLength(1);
		noSecretIn(result.answer);
	});

	it('skipped: a customer without consent gets an answer with the reason, not an empty list', async () => {
		const result = await call({ customerId: 'C2', consent: 'no', name: 'Bob' });
		expect(result.error).toBeUndefined();
		expect(careOf(result.answer)).toMatchObject({ status: 'skipped', reason: 'noConsent', reasonLabel: 'No consent' });
		expect(server.deliveries).toEqual([]);
	});

	it('skipped: quiet hours answer with the reason and when the message may go out', async () => {
		// 23:00 in UTC, the workflow's zone: outside the default sending hours 09:00-20:00.
		const result = await callNodeAsTool({
			type: 'sendCareMessage',
			parameters: { ...toolParameters({ asOf: '2026-03-08T23:00:00Z' }), quietHours: true },
			args: { customerId: 'C3', consent: 'yes', name: 'Cai' },
			credentials: { careWebhookApi: server.credentials as never },
			nodeCredentials: { careWebhookApi: { id: 'webhook', name: 'webhook loopback' } },
		});
		expect(result.error).toBeUndefined();
		expect(careOf(result.answer)).toMatchObject({ status: 'skipped', reason: 'quietHours', deferUntil: '2026-03-09T09:00:00+00:00' });
		expect(server.deliveries).toEqual([]);
	});

	it('failed: a provider refusal answers with code, message and whether a retry helps, and no secret', async () => {
		server.faults.inject({ kind: 'raw', status: 422, body: 'text is required' });
		const result = await call({ customerId: 'C4', consent: 'yes', name: 'Dee' });
		expect(result.error).toBeUndefined();
		const care = careOf(result.answer);
		expect(care).toMatchObject({ status: 'failed', outcome: 'failed', retryable: false, attempts: 1 });
		expect(care.code).toEqual(expect.any(String));
		expect(care.message).toContain('422');
		expect(server.deliveries).toEqual([]);
		noSecretIn(result.answer);
	});

	it('tells the agent what to pass and what comes back', () => {
		const { usableAsTool } = new SendCareMessage().description;
		const description = typeof usableAsTool === 'object' ? String(usableAsTool.replacements?.description) : '';
		for (const words of ['customer ID', 'recipient', 'consent', 'sent', 'skipped', 'failed', 'reason']) expect(description).toContain(words);
	});
});
