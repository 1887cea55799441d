import { CareFeishuBotApi } from '../../../credentials/CareFeishuBotApi.credentials';
import { FEISHU_DEFAULT_BASE_URL } from '../../../nodes/shared/messaging/channels/feishu';
import { runDeclarativeCredentialTest } from '../../credentials/n8nCredentialTester';
import { startFeishuServer, type ProviderServer } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * "Pasting the whole address works too": a Lark bot's address is on open.larksuite.com, not on Feishu's
 * default host. With Base URL left at its default, the pasted address's own host is posted to (here the
 * loopback bot stands in for Lark); a Base URL changed from the default still decides.
 */
describe('Feishu / Lark bot through the engine: the whole webhook address pasted as the token', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startFeishuServer();
	});
	afterAll(async () => server.close());

	const item = { customerId: 'C1', name: '韩梅梅', orderId: 'A-1', timeZone: 'Asia/Shanghai' };
	const pasted = () => `${server.baseUrl}/open-apis/bot/v2/hook/${String(server.credentials.webhookToken)}`;

	it('with Base URL at its default, the message goes to the pasted address, and the credential test passes there', async () => {
		server.reset();
		const credentials = { ...server.credentials, webhookToken: pasted(), baseUrl: FEISHU_DEFAULT_BASE_URL };
		const run = await runCare({ kind: 'feishu', credentials }, [item], { options: { pacing: 'off', maxAttempts: 1, attemptTimeout: 3 } });
		expect(run.care('failed')).toEqual([]);
		expect(run.care('sent')).toHaveLength(1);
		expect(server.deliveries).toHaveLength(1);
		expect(await runDeclarativeCredentialTest(new CareFeishuBotApi(), credentials)).toEqual({ status: 'OK', message: expect.any(String) });
	});

	it('a Base URL changed from the default decides where the message goes', async () => {
		server.reset();
		const credentials = { ...server.credentials, webhookToken: `https://open.larksuite.com/open-apis/bot/v2/hook/${String(server.credentials.webhookToken)}` };
		const run = await runCare({ kind: 'feishu', credentials }, [item], { options: { pacing: 'off' } });
		expect(run.care('sent')).toHaveLength(1);
		expect(server.deliveries).toHaveLength(1);
	});
});
