import type { IDataObject } from 'n8n-workflow';
import { startProviderServer, type AnyProviderServer } from '../helpers/providers';
import { expectInvariants, runBatch } from '../helpers/batchShapes';
import { DAYTIME } from './helpers/run';

/**
 * The batch-shapes audit of Send Care Message: one customer, two, every item refused (no recipient),
 * every item the same customer with the same key, 2,000 identical customers, in a send, a dry run and
 * with every customer held back by the frequency cap. Each run keeps the
 * invariants of test/helpers/batchShapes.ts (Sent, Skipped or Failed, or the error output: exactly one
 * per item), and the provider receives exactly the messages the Sent output reports.
 */

let server: AnyProviderServer;
beforeAll(async () => {
	server = await startProviderServer('webhook');
});
afterAll(async () => {
	await server.close();
});

const customer = (id: string, recipient = `https://hooks.example/${id}`): IDataObject => ({ customerId: id, recipient, name: `Name ${id}`, orderId: `O-${id}`, contactedOn: '2026-03-07' });
const many = (n: number, f: (k: number) => IDataObject) => Array.from({ length: n }, (_, k) => f(k));

const BATCHES: Record<string, IDataObject[]> = {
	'one customer': [customer('a')],
	'two customers': [customer('a'), customer('b')],
	'every item refused': many(4, (k) => ({ ...customer(`c${k}`), customerId: null, orderId: undefined })),
	'every item the same customer': many(5, () => customer('same')),
	'2,000 identical customers': many(2_000, (k) => customer(`c${k}`, 'https://hooks.example/all')),
};

const MODES: Array<[string, IDataObject]> = [
	['send', {}],
	['dry run', { dryRun: true }],
	// Every customer was contacted yesterday: the cap of one message in 30 days holds back the whole batch.
	['frequency cap reached by everyone', { frequencyCap: 'field', lastContactedField: 'contactedOn', capMaxMessages: 1, capWindowDays: 30 }],
];

describe('Send Care Message: batch shapes', () => {
	describe.each(MODES)('%s', (_mode, modeParameters) => {
		it.each(Object.keys(BATCHES))('%s', async (kind) => {
			const items = BATCHES[kind];
			server.reset();
			const parameters = {
				channel: 'webhook',
				template: 'custom',
				purpose: 'service',
				recipientField: 'recipient',
				subject: 'Order {{orderId}}',
				text: 'Hi {{name}}, order {{orderId}} has shipped.',
				...modeParameters,
				options: { asOf: DAYTIME, pacing: 'off', maxAttempts: 1 },
			};
			const run = await runBatch(
				{
					type: 'sendCareMessage',
					parameters,
					credentials: { [credentialType()]: server.credentials as never },
					nodeCredentials: { [credentialType()]: { id: 'webhook', name: 'webhook loopback' } },
					timezone: 'Asia/Shanghai',
				},
				items,
			);
			expectInvariants(run, items.length, { itemOutputs: [0, 1, 2] });
			expect(server.requests.length).toBe(modeParameters.dryRun ? 0 : run.outputs[0].length);
			const skippedBecause = new Set(run.outputs[1].map((i) => (i.json.care as IDataObject).reason));
			// A dry run and a capped run show the same customer's repeats as duplicates of its first item, as a send would.
			if (kind === 'every item the same customer') {
				expect(run.outputs[1].filter((i) => (i.json.care as IDataObject).reason === 'duplicate')).toHaveLength(4);
				skippedBecause.delete('duplicate');
			}
			if (modeParameters.dryRun) expect([...skippedBecause]).toEqual(run.outputs[1].length ? ['dryRun'] : []);
			if (modeParameters.frequencyCap) expect([...skippedBecause]).toEqual(run.outputs[1].length ? ['capped'] : []);
			if (modeParameters.dryRun || modeParameters.frequencyCap) expect(run.outputs[0]).toEqual([]);
			// One customer's same message in one batch goes once; the rest are duplicates of it.
			if (kind === 'every item the same customer' && !modeParameters.dryRun && !modeParameters.frequencyCap) {
				expect(run.outputs[0]).toHaveLength(1);
				expect([...skippedBecause]).toEqual([]);
			}
		}, 120_000);
	});
});

function credentialType(): string {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { CHANNELS } = require('../../nodes/shared/messaging/channels/registry') as typeof import('../../nodes/shared/messaging/channels/registry');
	return CHANNELS.webhook.credentialType;
}
