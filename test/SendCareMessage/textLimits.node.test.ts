import type { IDataObject } from 'n8n-workflow';
import type { ChannelKind } from '../../nodes/shared/messaging/channels/registry';
import { startProviderServer, type AnyProviderServer } from '../helpers/providers';
import { runCare } from './helpers/run';

/** Channels whose provider refuses a longer text (the loopback servers answer WeCom 45002, Twilio 21617) or cuts it (Slack). */
const CASES: Array<[ChannelKind, number, (text: string) => number, string, IDataObject, IDataObject]> = [
	['wecom', 2048, (text) => Buffer.byteLength(text, 'utf8'), 'bytes', {}, { options: { pacing: 'off' } }],
	['twilioSms', 1600, (text) => text.length, 'characters', { phone: '+15550001111' }, { recipientField: 'phone' }],
	// Slack accepts a longer text and cuts it at 40,000 characters: the loopback delivers it cut, as Slack does.
	['slack', 40_000, (text) => text.length, 'characters', {}, { options: { pacing: 'off' } }],
];

// Before, such a text was claimed and sent, and the provider refused it (failed, permanent, nothing
// delivered) or, Slack, cut it without a word. Now it is the item's error before its key is claimed.
describe.each(CASES)('%s: a text over the provider limit is the item\'s error before anything is sent', (kind, limit, size, unit, fields, parameters) => {
	let server: AnyProviderServer;
	beforeAll(async () => {
		server = await startProviderServer(kind);
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	const item = (i: number, name: string): IDataObject => ({ customerId: `T${i}`, name, orderId: `O-${i}`, timeZone: 'Asia/Shanghai', ...fields });
	const run = (items: IDataObject[]) =>
		runCare(server, items, { ...parameters, text: 'Hi {{name}}.', frequencyCap: 'off' }, { onError: 'continueRegularOutput' });

	it('at the limit it is sent; one more and it fails naming its size and the limit, in ASCII and in Chinese', async () => {
		const probe = await run([item(0, 'x')]);
		const overhead = size(String(server.deliveries[0].text)) - 1;
		expect(probe.sent).toHaveLength(1);
		server.reset();
		// '长' is 3 bytes and 1 character: a name of wide characters padded with ASCII to the exact size.
		const wide = (total: number) => {
			const count = Math.floor((total - overhead) / size('长'));
			return '长'.repeat(count) + 'x'.repeat(total - overhead - count * size('长'));
		};
		const names = ['x'.repeat(limit - overhead), 'x'.repeat(limit - overhead + 1), wide(limit), wide(limit + 1)];
		const result = await run(names.map((name, i) => item(i, name)));
		expect(result.sent.map((s) => s.customerId)).toEqual(['T0', 'T2']);
		expect(result.failed.map((f) => [f.customerId, String(f.error)])).toEqual(
			[1, 3].map((i) => [
				`T${i}`,
				expect.stringMatching(new RegExp(`^Item ${i}: field "message text" is ".*", which is ${limit + 1} ${unit}, over .* of ${limit} ${unit} \\(expected a message of at most ${limit} ${unit}`)),
			]),
		);
		expect(server.requests).toHaveLength(2);
	});
});
