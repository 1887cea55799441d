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

/**
 * "</script" followed by anything but a space, "/" or ">" does not end the script in a browser: the
 * template tokenizer read it as the end, so a placeholder after it was allowed and went into the script.
 */
const NOT_AN_END_TAG: Array<[string, string]> = [
	['<script>var seen = 1;</scripts><p>{{name}}</p></script>', 'script'],
	['<style>p { color: red }</style-x>{{name}}</style>', 'style'],
	['<textarea></textareax><p>{{name}}</p>', 'ok'],
];

describe('Send Care Message: the end of a script or style element is where a browser sees it', () => {
	let server: ProviderServer<SmtpTransaction>;
	beforeAll(async () => {
		server = await startSmtpServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	it.each(NOT_AN_END_TAG)('%s', async (html, inside) => {
		const run = await runCare(
			server,
			[{ customerId: 'T1', email: 't1@example.cn', name: 'alert(document.cookie)//', timeZone: 'Asia/Shanghai' }],
			{ recipientField: 'email', subject: 'Hi', text: 'Hi {{name}}', html },
		);
		if (inside === 'ok') {
			// Inside <textarea> a value is text either way, escaped.
			expect(run.result.error).toBeUndefined();
			expect(server.requests.map((m) => m.to)).toEqual([['t1@example.cn']]);
			return;
		}
		expect(run.result.error?.message).toMatch(new RegExp(`^The custom template HTML has the placeholder \\{\\{name\\}\\}, which is inside <${inside}>, where escaping cannot make text safe`));
		expect(server.requests).toHaveLength(0);
	});
});

/**
 * An address from customer data that loads code or a style sheet, or moves every relative link: an
 * https: scheme passed the link check, so the template was accepted and sent.
 */
const LOADING_ADDRESSES: Array<[string, RegExp]> = [
	['<script src="{{asset}}"></script><p>Hi</p>', /is in the "src" attribute of <script>, which could load a script/],
	['<svg><script href="{{asset}}"/></svg><p>Hi</p>', /is in the "href" attribute of <script>/],
	['<link rel="stylesheet" href="{{asset}}"><p>Hi</p>', /is the "href" of <link>, which could load a style sheet/],
	['<base href="{{asset}}"><p><a href="/orders">Orders</a></p>', /is the "href" of <base>, which could send every relative link elsewhere/],
];

describe('Send Care Message: a placeholder in an address that loads code', () => {
	let server: ProviderServer<SmtpTransaction>;
	beforeAll(async () => {
		server = await startSmtpServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	it.each(LOADING_ADDRESSES)('%s is refused before any item', async (html, reason) => {
		const run = await runCare(
			server,
			[{ customerId: 'L1', email: 'l1@example.cn', asset: 'https://attacker.example/x.js', timeZone: 'Asia/Shanghai' }],
			{ recipientField: 'email', subject: 'Hi', text: 'Hi', html },
		);
		expect(run.result.error?.message).toMatch(reason);
		expect(server.requests).toHaveLength(0);
	});

	it('a link or image address from customer data is still allowed', async () => {
		const run = await runCare(
			server,
			[{ customerId: 'L2', email: 'l2@example.cn', asset: 'https://shop.example/p.png', timeZone: 'Asia/Shanghai' }],
			{ recipientField: 'email', subject: 'Hi', text: 'Hi', html: '<a href="{{asset}}"><img src="{{asset}}"></a>' },
		);
		expect(run.result.error).toBeUndefined();
		expect(server.requests[0]?.html).toContain('<a href="https://shop.example/p.png"><img src="https://shop.example/p.png"></a>');
	});
});
