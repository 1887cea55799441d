import { ConfigError, InputError } from '../../nodes/shared/input';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { runCare } from '../SendCareMessage/helpers/run';
import {
	BUILTIN_TEMPLATE_KEYS,
	BUILTIN_TEMPLATES,
	applySmsCompliance,
	compileBuiltinTemplate,
	compileCustomTemplate,
	escapeHtml,
	literalText,
	parseTemplate,
	renderMessage,
	templateParts,
} from '../../nodes/shared/messaging/templates';

describe('parseTemplate', () => {
	it('splits text, placeholders and defaults (trimmed)', () => {
		expect(parseTemplate('Hi {{ customer.name | 尊敬的客户 }}, {{x}}!')).toEqual([
			{ kind: 'text', text: 'Hi ' },
			{ kind: 'placeholder', path: 'customer.name', defaultText: '尊敬的客户' },
			{ kind: 'text', text: ', ' },
			{ kind: 'placeholder', path: 'x' },
			{ kind: 'text', text: '!' },
		]);
	});

	it('keeps an empty default as an explicit empty fallback', () => {
		expect(parseTemplate('{{title|}}')).toEqual([{ kind: 'placeholder', path: 'title', defaultText: '' }]);
	});

	it('rejects an unclosed placeholder and a malformed path as configuration errors', () => {
		expect(() => parseTemplate('Hi {{name', 'custom text')).toThrow(ConfigError);
		expect(() => parseTemplate('Hi {{name', 'custom text')).toThrow(
			'The custom text has "{{" at character 4 without a closing "}}"',
		);
		expect(() => parseTemplate('Hi {{ }}')).toThrow(/not a field path/);
		expect(() => parseTemplate('Hi {{a b}}')).toThrow(/not a field path/);
	});
});

describe('renderMessage', () => {
	const custom = compileCustomTemplate(
		{ subject: 'Order {{order.id}}', text: 'Dear {{name|尊敬的客户}},\n\nyour order {{order.id}} of {{amount}} is on its way.' },
		'service',
	);

	it('fills dot paths, numbers and defaults', () => {
		const message = renderMessage(custom, { order: { id: 'A-17' }, amount: 12.5 }, { format: 'chat', locale: 'en' });
		expect(message).toEqual({
			subject: 'Order A-17',
			text: 'Dear 尊敬的客户,\n\nyour order A-17 of 12.5 is on its way.',
		});
	});

	it('treats an empty value as absent: the default is used', () => {
		const message = renderMessage(custom, { name: '  ', order: { id: 1 }, amount: 0 }, { format: 'chat', locale: 'en' });
		expect(message.text).toBe('Dear 尊敬的客户,\n\nyour order 1 of 0 is on its way.');
	});

	it('makes a missing value without default an item error naming the field, never a blank', () => {
		const render = () => renderMessage(custom, { order: { id: 'A-17' } }, { format: 'chat', locale: 'en' });
		expect(render).toThrow(InputError);
		expect(render).toThrow(
			`field "amount" is missing, which the message template's placeholder {{amount}} needs (expected a value, or a default in the template like {{amount|…}})`,
		);
	});

	it('refuses objects and NaN rather than writing "[object Object]" or "NaN"', () => {
		expect(() => renderMessage(custom, { order: { id: { a: 1 } }, amount: 1 }, { format: 'chat', locale: 'en' })).toThrow(
			'field "order.id" is "{"a":1}", which cannot be written into a message (expected text, a number or a date)',
		);
		expect(() => renderMessage(custom, { order: { id: 1 }, amount: Number.NaN }, { format: 'chat', locale: 'en' })).toThrow(
			/is not a finite number/,
		);
	});

	it('email: HTML-escapes values, keeps the plain-text part unescaped, paragraphs from blank lines', () => {
		const message = renderMessage(
			custom,
			{ name: '<script>alert("x")</script> & Co', order: { id: "O'1" }, amount: '¥5' },
			{ format: 'email', locale: 'en' },
		);
		expect(message.text).toBe(`Dear <script>alert("x")</script> & Co,\n\nyour order O'1 of ¥5 is on its way.`);
		expect(message.html).toBe(
			'<p>Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co,</p>\n<p>your order O&#39;1 of ¥5 is on its way.</p>',
		);
		expect(message.subject).toBe("Order O'1");
	});

	it('email with an HTML template: template markup kept, values escaped', () => {
		const withHtml = compileCustomTemplate(
			{ subject: 's', text: 'Hi {{name}}', html: '<h1>Hi {{name}}</h1><p class="x">{{note|a & b}}</p>' },
			'service',
		);
		const message = renderMessage(withHtml, { name: 'A<B' }, { format: 'email', locale: 'en' });
		expect(message.html).toBe('<h1>Hi A&lt;B</h1><p class="x">a &amp; b</p>');
		expect(message.text).toBe('Hi A<B');
	});

	it('reads extras (the brand), also when the item has a field of that name: the Brand Name is the sender', () => {
		const birthday = compileBuiltinTemplate('birthday');
		expect(renderMessage(birthday, { name: '王芳' }, { format: 'chat', locale: 'zh-CN', extras: { brand: '星河银行' } })).toEqual({
			subject: '星河银行祝您生日快乐',
			text: '亲爱的王芳，星河银行祝您生日快乐！愿新的一岁平安喜乐、万事顺意。',
		});
		expect(
			renderMessage(birthday, { brand: 'Shop B' }, { format: 'chat', locale: 'en', extras: { brand: 'Shop A' } }).text,
		).toBe('Dear valued customer, everyone at Shop A wishes you a very happy birthday and a wonderful year ahead.');
		expect(renderMessage(birthday, { brand: 'Shop B' }, { format: 'chat', locale: 'en', extras: {} }).text).toBe(
			'Dear valued customer, everyone at Shop B wishes you a very happy birthday and a wonderful year ahead.',
		);
	});

	it('SMS: signature in 【】 and the opt-out text when asked; no subject', () => {
		const winBack = compileBuiltinTemplate('winBack');
		const zh = renderMessage(winBack, { name: '李雷' }, {
			format: 'sms',
			locale: 'zh-CN',
			extras: { brand: '星河' },
			smsCompliance: { signature: '星河', optOut: true },
		});
		expect(zh).toEqual({
			text: '【星河】好久不见，李雷！星河为您准备了专属回归礼遇：会员专享优惠，期待您再次光临。拒收请回复R',
		});
		const en = renderMessage(winBack, { name: 'Ann', offer: '20% off' }, {
			format: 'sms',
			locale: 'en',
			extras: { brand: 'Acme' },
			smsCompliance: { signature: 'Acme', optOut: true },
		});
		expect(en.text).toBe(
			'【Acme】We miss you, Ann! To welcome you back to Acme, we have 20% off waiting for you. Reply STOP to opt out',
		);
	});

	it('builds provider template parameters from the placeholders (with their defaults) or an explicit map', () => {
		const holiday = compileBuiltinTemplate('holiday');
		const auto = renderMessage(holiday, { name: '韩梅梅' }, {
			format: 'sms',
			locale: 'zh-CN',
			extras: { brand: '星河' },
			withTemplateParams: true,
		});
		expect(auto.templateParams).toEqual({ name: '韩梅梅', brand: '星河', holidayName: '节日' });
		const explicit = compileBuiltinTemplate('holiday', { customer: '{{name|客户}}', code: 'H-{{customer.id}}' });
		const rendered = renderMessage(explicit, { customer: { id: 9 } }, {
			format: 'sms',
			locale: 'zh-CN',
			extras: { brand: '星河' },
			withTemplateParams: true,
		});
		expect(rendered.templateParams).toEqual({ customer: '客户', code: 'H-9' });
	});
});

describe('built-in templates', () => {
	it('has all six care occasions in both languages, each compiling and rendering with only the required fields', () => {
		expect(BUILTIN_TEMPLATE_KEYS.sort()).toEqual(
			['apology', 'birthday', 'holiday', 'postPurchase', 'revisitReminder', 'winBack'].sort(),
		);
		const required = { revisit: { dueAt: '2026-03-09T10:00:00+08:00' }, name: 'Zhou', customerId: 'C1' };
		for (const key of BUILTIN_TEMPLATE_KEYS) {
			const compiled = compileBuiltinTemplate(key);
			for (const locale of ['en', 'zh-CN'] as const) {
				const item = key === 'revisitReminder' ? required : {};
				const message = renderMessage(compiled, item, { format: 'email', locale, extras: { brand: 'B' } });
				expect(message.text).not.toMatch(/\{\{|\}\}|undefined|null/);
				expect(message.subject!.length).toBeGreaterThan(0);
			}
		}
	});

	it('marks birthday, holiday and win-back as marketing, the revisit reminder as a staff message', () => {
		expect(BUILTIN_TEMPLATES.birthday.purpose).toBe('marketing');
		expect(BUILTIN_TEMPLATES.holiday.purpose).toBe('marketing');
		expect(BUILTIN_TEMPLATES.winBack.purpose).toBe('marketing');
		expect(BUILTIN_TEMPLATES.postPurchase.purpose).toBe('service');
		expect(BUILTIN_TEMPLATES.apology.purpose).toBe('service');
		expect(BUILTIN_TEMPLATES.revisitReminder.purpose).toBe('staff');
	});

	it('revisit reminder to an owner needs the customer and due date', () => {
		const reminder = compileBuiltinTemplate('revisitReminder');
		expect(() => renderMessage(reminder, { name: 'Zhou', customerId: 'C1' }, { format: 'chat', locale: 'en' })).toThrow(
			/field "revisit.dueAt" is missing/,
		);
		expect(
			renderMessage(
				reminder,
				{ name: '周杰', customerId: 'C1', revisit: { dueAt: '2026-03-09', owner: '张三', reason: '满意度下降' } },
				{ format: 'chat', locale: 'zh-CN' },
			).text,
		).toBe('张三您好，请于2026-03-09前回访客户周杰（C1）。原因：满意度下降。');
	});
});

describe('applySmsCompliance', () => {
	it('adds sentence punctuation before the opt-out text when the text has none', () => {
		expect(applySmsCompliance('新品上市', { locale: 'zh-CN', signature: '【星河】', optOut: true })).toBe(
			'【星河】新品上市。拒收请回复R',
		);
		expect(applySmsCompliance('New arrivals', { locale: 'en', signature: 'Acme', optOut: true })).toBe(
			'【Acme】New arrivals. Reply STOP to opt out',
		);
	});

	it('is idempotent and can add the signature alone', () => {
		const once = applySmsCompliance('新品上市。', { locale: 'zh-CN', signature: '星河', optOut: true });
		expect(applySmsCompliance(once, { locale: 'zh-CN', signature: '星河', optOut: true })).toBe(once);
		expect(applySmsCompliance('您的订单已发货。', { locale: 'zh-CN', signature: '星河', optOut: false })).toBe(
			'【星河】您的订单已发货。',
		);
		expect(applySmsCompliance('Hi', { locale: 'en', optOut: false })).toBe('Hi');
	});

	it('puts its signature before any other 【…】 the text starts with, which is not the sender\'s', () => {
		for (const text of ['【竞品银行】您好，新品上市。', '【星河银行】您好。', '【】您好。', '【 星河】您好。']) {
			expect(applySmsCompliance(text, { locale: 'zh-CN', signature: '星河', optOut: false })).toBe(`【星河】${text}`);
		}
	});
});

describe('escapeHtml', () => {
	it('escapes the five HTML-significant characters', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
	});
});

describe('HTML templates: customer data in links and attributes (never markup or script)', () => {
	const email = { format: 'email', locale: 'en' } as const;
	const html = (source: string) => compileCustomTemplate({ subject: 's', text: 't', html: source }, 'service');

	const UNSAFE_ADDRESSES = [
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		'  javascript:alert(1)',
		'\u0001javascript:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'java\rscript:alert(1)',
		'javascript\u0000:alert(1)',
		'&#106;avascript:alert(1)',
		'&#x6A;avascript:alert(1)',
		'&#X6a;AVASCRIPT:alert(1)',
		'javascript&colon;alert(1)',
		'jav&#x09;ascript:alert(1)',
		'jav&Tab;ascript:alert(1)',
		'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
		'DATA:image/svg+xml,<svg onload=alert(1)>',
		'vbscript:msgbox(1)',
		'VBScript:msgbox(1)',
		'file:///etc/passwd',
	];

	it.each(UNSAFE_ADDRESSES)('refuses the link address %j, naming the field', (address) => {
		const render = () => renderMessage(html('<a href="{{link}}">Track</a>'), { link: address }, email);
		expect(render).toThrow(InputError);
		expect(render).toThrow(/^field "link" is ".*", which makes an unsafe href address ".*" \((the scheme "[a-z]+:" is not allowed|a control character .*inside)\) \(expected an address starting with http:, https:, mailto:, tel:, sms: or a relative one\)$/s);
	});

	it('checks every URL attribute, single-quoted too, and the address several placeholders make together', () => {
		expect(() => renderMessage(html(`<img src='{{img}}'>`), { img: 'data:image/png;base64,AAAA' }, email)).toThrow(/unsafe src address/);
		expect(() => renderMessage(html('<form action="{{a}}"></form>'), { a: 'javascript:x' }, email)).toThrow(/unsafe action address/);
		expect(() => renderMessage(html('<a href="{{a}}{{b}}">x</a>'), { a: 'java', b: 'script:alert(1)' }, email)).toThrow(
			/^field "a" is "java", which makes an unsafe href address "javascript:alert\(1\)"/,
		);
		// The template's own text counts, with its character references decoded as a browser would.
		expect(() => renderMessage(html('<a href="jav&#x61;script:{{x}}">x</a>'), { x: 'alert(1)' }, email)).toThrow(/the scheme "javascript:"/);
	});

	it('shows the refused value as given and a long address cut on whole characters', () => {
		// The 80th UTF-16 unit is the first half of an emoji: cut there, the message held half a character.
		const address = `javascript:${'x'.repeat(68)}😀tail`;
		const render = () => renderMessage(html('<a href="{{a}}">x</a>'), { a: address }, email);
		expect(render).toThrow(`which makes an unsafe href address "javascript:${'x'.repeat(68)}…" (the scheme "javascript:" is not allowed)`);
		// A number fills the address as its digits; the error shows the number, not the text it wrote.
		expect(() => renderMessage(html('<a href="javascript:{{n}}">x</a>'), { n: 42 }, email)).toThrow(/^field "n" is 42, which makes an unsafe href address "javascript:42"/);
	});

	it('lets safe addresses through, escaped, and does not re-check an address whose scheme the template fixes', () => {
		const template = html('<a href="{{link}}">go</a>');
		const render = (link: string) => renderMessage(template, { link }, email).html;
		expect(render('https://shop.example/o?a=1&b="2"')).toBe('<a href="https://shop.example/o?a=1&amp;b=&quot;2&quot;">go</a>');
		expect(render('HTTP://shop.example')).toBe('<a href="HTTP://shop.example">go</a>');
		expect(render('mailto:care@shop.example')).toBe('<a href="mailto:care@shop.example">go</a>');
		expect(render('tel:+8613800000000')).toBe('<a href="tel:+8613800000000">go</a>');
		expect(render('/orders/17')).toBe('<a href="/orders/17">go</a>');
		expect(render(' https://shop.example ')).toBe('<a href=" https://shop.example ">go</a>');
		const fixed = html('<a href="https://shop.example/track/{{code}}">go</a>');
		expect(renderMessage(fixed, { code: 'javascript:alert(1)' }, email).html).toBe(
			'<a href="https://shop.example/track/javascript:alert(1)">go</a>',
		);
	});

	it('escapes quotes in any quoted attribute, so a value cannot add an attribute', () => {
		const message = renderMessage(html('<a title="{{t}}" class=\'{{c}}\'>x</a>'), { t: 'x" onmouseover="alert(1)', c: "y' onclick='alert(1)" }, email);
		expect(message.html).toBe('<a title="x&quot; onmouseover=&quot;alert(1)" class=\'y&#39; onclick=&#39;alert(1)\'>x</a>');
	});

	it.each([
		['<a href={{url}}>x</a>', /\{\{url\}\}, which is an unquoted value of the attribute "href" \(write href="\{\{…\}\}"\)/],
		['<a href= {{url}}>x</a>', /unquoted value of the attribute "href"/],
		['<td width={{w}}>x</td>', /unquoted value of the attribute "width"/],
		['<a {{attributes}}>x</a>', /is inside a tag/],
		['<{{tag}}>x', /is inside a tag/],
		['<a href="x" {{more}}>x</a>', /is inside a tag/],
		['<img src="x" onerror="{{js}}">', /event handler attribute "onerror"/],
		['<body onload=\'go("{{x}}")\'>', /event handler attribute "onload"/],
		['<div style="color: {{colour}}">x</div>', /inside the "style" attribute/],
		['<img srcset="{{a}} 2x">', /inside the "srcset" attribute/],
		['<meta http-equiv="refresh" content="0;url={{u}}">', /<meta> content attribute/],
		["<script>var name = '{{name}}';</script>", /inside <script>/],
		['<style>.a{background:url({{u}})}</style>', /inside <style>/],
		['<!-- {{note}} -->', /comment/],
		['<iframe srcdoc="{{page}}"></iframe>', /inside the "srcdoc" attribute/],
		["<iframe SRCDOC='<p>{{page}}</p>'></iframe>", /inside the "srcdoc" attribute/],
		['<svg><a><animate attributeName="href" to="{{u}}"/>x</a></svg>', /"to" value of <animate>/],
		['<svg><a><set attributeName="href" to="{{u}}"/>x</a></svg>', /"to" value of <set>/],
		['<svg><a><animate attributeName="href" values="https://a;{{u}}"/>x</a></svg>', /"values" value of <animate>/],
		['<svg><a><animate attributeName="href" from="{{u}}" to="#"/>x</a></svg>', /"from" value of <animate>/],
	])('refuses %j when the template is compiled', (source, message) => {
		expect(() => html(source)).toThrow(ConfigError);
		expect(() => html(source)).toThrow(message);
		expect(() => html(source)).toThrow(/could become markup or script \(expected the placeholder in element text or in a quoted value of an ordinary attribute, such as href, title or alt\)$/);
	});

	it('allows placeholders in text, quoted attributes, <title>, and after a script, style or comment has closed', () => {
		const template = html(
			'<html><head><title>{{t}}</title><style>p{color:red}</style></head><body><!-- note --><script>var a = 1;</script>' +
				'<p data-id="{{id}}">{{name}}</p><textarea>{{t}}</textarea></body></html>',
		);
		expect(renderMessage(template, { t: '</title><script>', id: 7, name: 'A&B' }, email).html).toBe(
			'<html><head><title>&lt;/title&gt;&lt;script&gt;</title><style>p{color:red}</style></head><body><!-- note --><script>var a = 1;</script>' +
				'<p data-id="7">A&amp;B</p><textarea>&lt;/title&gt;&lt;script&gt;</textarea></body></html>',
		);
	});

	// Inside <svg> and <math> the parser reads by foreign-content rules: <title>, <textarea> and <style> hold
	// markup (an <img> there is an HTML image with its onerror), <![CDATA[ ends at ]]>. Where scripting is off,
	// as in most mail programs, <noscript> holds markup; <template> does in every browser. In each case below a
	// browser (html5 parsing, as in parse5) puts the placeholder in an event handler, an unchecked image address
	// or a srcdoc page, where this tokenizer would read text or an ordinary attribute.
	it.each([
		['<svg><title><img src=x onerror="{{js}}"></title></svg>', 'svg'],
		['<svg><textarea><img src="{{u}}"></textarea></svg>', 'svg'],
		['<p>Hi</p><SVG width="1"></SVG><svg><title><a href="{{u}}">x</a></title></svg>', 'svg'],
		['<math><title><img src=x onerror="{{js}}"></title></math>', 'math'],
		['<svg><style><img src=x><iframe srcdoc="</style>{{page}}"></iframe>', 'svg'],
		['<svg><![CDATA[><a title="]]><img src=x onerror=\'{{js}}\'>">x</a></svg>', 'svg'],
		['<noscript><iframe srcdoc="</noscript>{{page}}"></iframe></noscript>', 'noscript'],
		['<template><iframe srcdoc="</template>{{page}}"></iframe></template>', 'template'],
	])('refuses a placeholder after an element that readers parse two ways: %j', (source, element) => {
		expect(() => html(source)).toThrow(ConfigError);
		expect(() => html(source)).toThrow(new RegExp(`comes after <${element}>, whose content mail programs read .*, so a placeholder may only come before it: a customer's value there could become markup or script`));
	});

	// Where a comment, an end tag or a text element ends as a browser's html5 tokenizer (parse5 gives the same
	// trees) ends it: each placeholder below is an event handler or an unchecked frame address to a browser.
	it.each([
		// "<!--!>" does not end a comment (its "--" is the opening's); "-->" does.
		["<!--!><a title=\"--><img src=x onerror='{{js}}'>\">x</a>", /event handler attribute "onerror"/],
		// "<!x" is a bogus comment up to the first ">", though "<!--" follows.
		["<!x<!-- ><img src=x title='-->' onerror='{{js}}'>", /event handler attribute "onerror"/],
		// An end tag's attributes are read as a start tag's, so a quoted ">" does not end it.
		['</b x="><p title=\'"><img src=x onerror="{{js}}">', /event handler attribute "onerror"/],
		['<title>x</title x="><p title=\'"><img src=x onerror="{{js}}">', /event handler attribute "onerror"/],
		// "<!--<script>" in a script makes the next "</script>" script text.
		['<script><!--<script></script><p title="{{t}}">', /comes after <script>, whose content mail programs read as script in which "<!--" can hide the end tag <\/script>/],
		// In <select> and after <frameset> a <title> is dropped, so what follows is markup.
		['<select><title><input><img src=x onerror="{{js}}"></title>', /comes after <select>/],
		['<frameset><title><frame src="{{u}}"></title>', /comes after <frameset>/],
	])('follows a browser through comments, end tags and text elements: refuses %j', (source, message) => {
		expect(() => html(source)).toThrow(ConfigError);
		expect(() => html(source)).toThrow(message);
	});

	it('still ends comments, end tags and text elements where a browser does', () => {
		const template = html('<!-->x<!--->y<!-- a --!><p title="{{t}}">{{t}}</p></p title=">"><title>{{t}}</title ><b>{{t}}</b>');
		expect(renderMessage(template, { t: '<i>' }, email).html).toBe(
			'<!-->x<!--->y<!-- a --!><p title="&lt;i&gt;">&lt;i&gt;</p></p title=">"><title>&lt;i&gt;</title ><b>&lt;i&gt;</b>',
		);
	});

	it('allows placeholders before an <svg>, and keeps the specific reason for one inside it', () => {
		const template = html('<p>{{name}}</p><svg width="10"><title>Logo</title></svg>');
		expect(renderMessage(template, { name: '<b>A</b>' }, email).html).toBe('<p>&lt;b&gt;A&lt;/b&gt;</p><svg width="10"><title>Logo</title></svg>');
		expect(() => html('<svg onload="{{js}}"></svg>')).toThrow(/event handler attribute "onload"/);
	});
});

describe('customer data is never read as a template', () => {
	it('a literal (an expression result) keeps {{…}} as text: no field is looked up, an unclosed brace is no error', () => {
		const template = compileCustomTemplate(
			{
				subject: literalText('Re: {{internalNote}}'),
				text: literalText('We received: my card is {{internalNote}} and {{ownerPhone|x}} {{'),
				html: literalText('<p>{{internalNote}}</p>'),
			},
			'service',
			{ feedback: literalText('{{internalNote}}') },
		);
		const item = { internalNote: 'VIP, card 6222 0000 1111 2222', ownerPhone: '13800000000' };
		const message = renderMessage(template, item, { format: 'email', locale: 'en', withTemplateParams: true });
		expect(message).toEqual({
			subject: 'Re: {{internalNote}}',
			text: 'We received: my card is {{internalNote}} and {{ownerPhone|x}} {{',
			html: '<p>{{internalNote}}</p>',
			templateParams: { feedback: '{{internalNote}}' },
		});
		expect(JSON.stringify(message)).not.toMatch(/6222 0000|13800000000/);
	});

	it('a rendered value is inserted once: a placeholder inside a field value stays text', () => {
		const template = compileCustomTemplate({ subject: 's', text: 'We received: {{feedback}}' }, 'service');
		const message = renderMessage(template, { feedback: 'my card is {{internalNote}}', internalNote: 'secret' }, { format: 'chat', locale: 'en' });
		expect(message.text).toBe('We received: my card is {{internalNote}}');
	});

	it('a literal template source is one text part, whatever braces it holds', () => {
		expect(templateParts(literalText('a {{b}} {{'), 'x')).toEqual([{ kind: 'text', text: 'a {{b}} {{' }]);
		expect(templateParts('a {{b}}', 'x')).toEqual([
			{ kind: 'text', text: 'a ' },
			{ kind: 'placeholder', path: 'b' },
		]);
	});
});

describe('Send Care Message in the real engine: an expression result is never read as a template', () => {
	let server: ProviderServer;
	beforeEach(async () => {
		server = await startWebhookServer();
	});
	afterEach(async () => {
		await server.close();
	});

	it('sends the customer-written "{{internalNote}}" as text, in the text, the subject and the custom key', async () => {
		const items = [
			{ customerId: 'F1', consent: 'yes', timeZone: 'Asia/Shanghai', feedback: 'my card is {{internalNote}}', internalNote: 'card 6222 0000 1111 2222' },
			{ customerId: 'F2', consent: 'yes', timeZone: 'Asia/Shanghai', feedback: 'see {{ownerPhone|none}} and {{', internalNote: 'x', ownerPhone: '13800000000' },
		];
		const run = await runCare(server, items, {
			subject: '={{ "Re: " + $json.feedback }}',
			text: '={{ "We received: " + $json.feedback }}',
			keyTemplate: '={{ $json.customerId + ":" + $json.feedback }}',
		});
		expect(run.result.error).toBeUndefined();
		expect([run.skipped, run.failed]).toEqual([[], []]);
		expect(run.sent.map((s) => s.customerId)).toEqual(['F1', 'F2']);
		const bodies = server.requests.map((r) => JSON.parse(r.rawBody) as Record<string, unknown>);
		expect(bodies.map((b) => [b.subject, b.text])).toEqual([
			['Re: my card is {{internalNote}}', 'We received: my card is {{internalNote}}'],
			['Re: see {{ownerPhone|none}} and {{', 'We received: see {{ownerPhone|none}} and {{'],
		]);
		expect(run.care('sent').map((c) => (c.content as Record<string, unknown>).text)).toEqual([
			'We received: my card is {{internalNote}}',
			'We received: see {{ownerPhone|none}} and {{',
		]);
		expect(server.requests.map((r) => r.rawBody).join('\n')).not.toMatch(/6222 0000|13800000000/);
	});

	it('still fills placeholders in fixed (non-expression) text', async () => {
		const run = await runCare(server, [{ customerId: 'F3', consent: 'yes', timeZone: 'Asia/Shanghai', orderId: 'O-9', name: 'Ann' }]);
		expect(run.care('sent')[0].content).toEqual({ subject: 'Order O-9', text: 'Hi Ann, order O-9 has shipped.' });
	});
});
