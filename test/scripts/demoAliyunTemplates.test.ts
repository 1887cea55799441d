// The demo's loopback Aliyun SMS server accepts approved templates only, as Aliyun does: it is started with
// examples/data/aliyun-sms-templates.json, which must hold every template code the examples send with.
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const templates = JSON.parse(readFileSync(join(EXAMPLES, 'data', 'aliyun-sms-templates.json'), 'utf8')) as Record<string, string>;

type Node = { name: string; parameters: Record<string, unknown> };
const smsNodes = readdirSync(EXAMPLES)
	.filter((file) => file.endsWith('.json'))
	.flatMap((file) =>
		(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')).nodes as Node[])
			.filter((node) => node.parameters.channel === 'aliyunSms')
			.map((node) => ({ file, node })),
	);

describe('Aliyun SMS templates of the examples', () => {
	it('the examples send Aliyun SMS (so this check checks something)', () => {
		expect(smsNodes.length).toBeGreaterThan(0);
	});

	it.each(smsNodes.map(({ file, node }) => [file, node.name, node]))('%s, node "%s": each template code it names is approved', (_file, _name, node) => {
		const codes = String((node as Node).parameters.smsTemplateCode ?? '').match(/SMS_\d+/g) ?? [];
		expect(codes.length).toBeGreaterThan(0);
		for (const code of codes) expect({ code, text: templates[code] }).toEqual({ code, text: expect.stringContaining('${name}') });
	});

	it('npm run demo starts its Aliyun server with them', () => {
		const demo = readFileSync(join(ROOT, 'scripts', 'demo.js'), 'utf8');
		expect(demo).toMatch(/startAliyunSmsServer\(\{ templates: JSON\.parse\(readFileSync\(ALIYUN_SMS_TEMPLATES/);
		expect(demo).toContain("join(EXAMPLES, 'data', 'aliyun-sms-templates.json')");
	});
});
