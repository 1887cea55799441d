import { startAliyunSmsServer } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * A template code that cannot be put into Aliyun's signed query (a lone surrogate has no percent-encoding)
 * stops that request before it is made: nothing was sent (outcome notSent, not retried), not an
 * unknown outcome that keeps its key from ever being sent.
 */
describe('Aliyun SMS through the engine: a request that cannot be built', () => {
	it('fails the item, nothing sent, and the other customers are sent', async () => {
		const server = await startAliyunSmsServer({ signNames: ['星河银行'], templates: { SMS_2026: '${name}您好' } });
		try {
			const run = await runCare(
				server,
				[
					{ customerId: 'C1', name: '韩梅梅', phone: '13800138000', code: 'SMS_2026\uD800', timeZone: 'Asia/Shanghai' },
					{ customerId: 'C2', name: '李雷', phone: '13900139000', code: 'SMS_2026', timeZone: 'Asia/Shanghai' },
				],
				{ template: 'custom', text: '{{name}}您好', recipientField: 'phone', smsTemplateCode: '={{ $json.code }}', smsTemplateParams: '{"name": "{{name}}"}' },
			);
			expect(run.result.error).toBeUndefined();
			expect(server.deliveries.map((d) => d.to)).toEqual(['13900139000']);
			expect(run.care('failed')).toEqual([
				expect.objectContaining({ status: 'failed', outcome: 'notSent', code: 'BAD_TEMPLATE_CODE', retryable: false, message: expect.stringContaining('template code "SMS_2026\\ud800"') }),
			]);
		} finally {
			await server.close();
		}
	});
});
