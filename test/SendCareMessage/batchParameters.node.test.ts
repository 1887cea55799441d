import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { runCare } from './helpers/run';

// Parameters that apply to the whole batch (purpose, consent rule, quiet hours, options...) are read from
// the first item. Written as an expression they must give every item the same value: otherwise the node
// stops before sending anything, instead of sending everyone under the first customer's rules.
const customer = (id: string, vip: boolean) => ({ customerId: id, name: `Customer ${id}`, orderId: `O-${id}`, vip, consent: 'granted', timeZone: 'Asia/Shanghai' });

describe('Send Care Message: batch-level parameters written as expressions', () => {
	let server: ProviderServer;
	beforeEach(async () => {
		server = await startWebhookServer();
	});
	afterEach(async () => {
		await server.close();
	});

	it('refuses an expression that gives items different values, naming the parameter, the items and the values, and sends nothing', async () => {
		const run = await runCare(server, [customer('C1', false), customer('C2', false), customer('C3', true)], {
			purpose: "={{ $json.vip ? 'service' : 'marketing' }}",
		});
		expect(run.result.error?.message).toBe(
			'Parameter "Purpose" is an expression that gives item 0 "marketing" but item 2 "service"; it applies to the whole batch, so it must give every item the same value (split the items with an If or Switch node and use one Send Care Message node per value)',
		);
		expect(server.deliveries).toHaveLength(0);
	});

	it('checks expressions inside Options too', async () => {
		const run = await runCare(server, [customer('C1', false), customer('C2', true)], {
			options: { concurrency: '={{ $json.vip ? 2 : 1 }}' },
		});
		expect(run.result.error?.message).toMatch(/^Parameter "Options › Concurrency" is an expression that gives item 0 1 but item 1 2; it applies to the whole batch/);
		expect(server.deliveries).toHaveLength(0);
	});

	it('accepts an expression that gives every item the same value', async () => {
		const run = await runCare(server, [customer('C1', true), customer('C2', true)], { purpose: "={{ $json.vip ? 'service' : 'marketing' }}" });
		expect(run.result.error).toBeUndefined();
		expect(run.care('sent').map((c) => c.careType)).toHaveLength(2);
		expect(server.deliveries).toHaveLength(2);
	});
});
