import { startWeComServer } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * WeCom reads `<@userid>` in a robot's text as a mention of that member (its documented extension syntax).
 * A customer value is shown as written and mentions nobody; the template's own text may mention.
 */
describe('WeCom robot through the engine: a customer value never mentions a member', () => {
	it('a <@userid> in customer data reaches the group as text; one in the template mentions', async () => {
		const server = await startWeComServer();
		try {
			const reason = '请 <@zhangsan> 和 <@all> 尽快处理 <@lisi>';
			const run = await runCare(
				server,
				[{ customerId: 'C1', name: '<@wangwu>韩梅梅', reason, timeZone: 'Asia/Shanghai' }],
				{ subject: '回访', text: '<@duty_manager> {{name}}: {{reason}}', options: { pacing: 'off' } },
			);
			expect(run.result.error).toBeUndefined();
			expect(run.care('sent')).toHaveLength(1);
			const [delivery] = server.deliveries;
			expect(delivery.to).toBe('duty_manager');
			expect(delivery.text.replace(/\u200b/g, '')).toBe(`<@duty_manager> <@wangwu>韩梅梅: ${reason}`);
		} finally {
			await server.close();
		}
	});
});
