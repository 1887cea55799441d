import { startSmtpServer, type ProviderServer, type SmtpTransaction } from '../helpers/providers';
import { runCare } from './helpers/run';

/**
 * The template's own text may end in part of a character reference that a value completes: the
 * browser reads the attribute as sent (template text + escaped value) and decodes it as a whole.
 */
const COMPLETED_REFERENCES: Array<[string, string, string]> = [
	['&#x6{{code}}', 'A;avascript:alert(1)', '&#x6A;avascript:alert(1)'],
	['&#1{{code}}', '06;avascript:alert(1)', '&#106;avascript:alert(1)'],
	['&#x6{{code}}', 'a;avascript:alert(1)', '&#x6a;avascript:alert(1)'],
	['&#x{{code}}', '6A;avascript:alert(1)', '&#x6A;avascript:alert(1)'],
	['&#10{{code}}', '6avascript:alert(1)', '&#106avascript:alert(1)'],
];

describe('Send Care Message: a link address is checked as the recipient\'s mail program reads it', () => {
	let server: ProviderServer<SmtpTransaction>;
	beforeAll(async () => {
		server = await startSmtpServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	it.each(COMPLETED_REFERENCES)('href="%s" with %j (sent as %j) fails the item, naming the field; nothing is sent', async (href, code, _sent) => {
		const run = await runCare(
			server,
			[
				{ customerId: 'U1', email: 'u1@example.cn', code, timeZone: 'Asia/Shanghai' },
				{ customerId: 'U2', email: 'u2@example.cn', code: 'ok', timeZone: 'Asia/Shanghai' },
			],
			{ recipientField: 'email', subject: 'Your order', text: 'Track it', html: `<p>Track it: <a href="${href}">here</a></p>` },
			{ onError: 'continueRegularOutput' },
		);
		expect(run.failed).toHaveLength(1);
		expect(String(run.failed[0].error)).toMatch(/^Item 0: field "code" is ".*", which makes an unsafe href address .*the scheme "javascript:" is not allowed/);
		expect(run.care('sent').map((c) => c.key)).toEqual(['U2:custom:smtp:2026-03-08']);
		const mails = server.requests;
		expect(mails.map((m) => m.to)).toEqual([['u2@example.cn']]);
	});
});
