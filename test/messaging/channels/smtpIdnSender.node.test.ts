import { startSmtpServer, type ProviderServer, type SmtpTransaction } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * A From address on an internationalised domain (客服 mail from 例子.中国): nodemailer writes From with the
 * domain in punycode, and the Message-ID derived from the idempotency key must be ASCII too. A header with
 * raw UTF-8 in a message sent without SMTPUTF8 is refused by a strict server (554 5.6.7), as the loopback does.
 */
describe('SMTP through the engine: a sender on an internationalised domain', () => {
	let server: ProviderServer<SmtpTransaction>;
	beforeAll(async () => {
		server = await startSmtpServer();
	});
	afterAll(async () => server.close());

	it('sends, with the Message-ID on the punycode domain and every header in ASCII', async () => {
		const credentials = { ...server.credentials, fromEmail: 'care@例子.中国', fromName: '客户关怀' };
		const items = [{ customerId: '客户001', name: '韩梅梅', email: 'hanmeimei@example.com', orderId: 'A-1', timeZone: 'Asia/Shanghai' }];
		const run = await runCare({ kind: 'smtp', credentials }, items, { recipientField: 'email', subject: '订单 {{orderId}}' });
		expect(run.care('failed')).toEqual([]);
		const [sent] = run.care('sent');
		expect(sent.providerMessageId).toMatch(/^<care\.[0-9a-f]{32}@xn--fsqu00a\.xn--fiqs8s>$/);
		const [transaction] = server.requests;
		expect(transaction.raw.split('\r\n\r\n')[0]).toMatch(/^[\x00-\x7f]*$/);
		expect(transaction.messageId).toBe(sent.providerMessageId);
		expect(server.deliveries.map((d) => d.to)).toEqual(['hanmeimei@example.com']);
	});
});
