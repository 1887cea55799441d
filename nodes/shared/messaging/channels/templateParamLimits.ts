/**
 * Aliyun SMS limits each template variable's value: 35 characters unless Aliyun lifts the limit for a
 * template on request, and then the whole SMS (signature, fixed text and values) may not pass 500
 * (help.aliyun.com/zh/document_detail/3041859.html: "单个模板变量的长度可以超过默认的 35 字符上限 … 整条短信 …
 * 总长度上限为 500 字符"). A longer value is refused with isv.PARAM_LENGTH_LIMIT, after the key was claimed.
 * Counted in UTF-16 units (an emoji as two), never fewer than Aliyun counts.
 */
export const ALIYUN_PARAM_DEFAULT_LIMIT = 35;
export const ALIYUN_PARAM_MOST = 500;

/** The first template variable whose value is longer than `limit` characters, or undefined. */
export function templateParamOverLimit(
	params: Readonly<Record<string, string>>,
	limit: number,
): { name: string; value: string; problem: string; expected: string } | undefined {
	for (const [name, value] of Object.entries(params)) {
		if (value.length <= limit) continue;
		return {
			name,
			value,
			problem: `is ${value.length} characters, over Aliyun's limit for one template variable of ${limit} characters`,
			expected: `a value of at most ${limit} characters, counting an emoji as two: shorten the value, or, if Aliyun lifted the limit for this template, raise Aliyun Variable Limit (Characters)`,
		};
	}
	return undefined;
}
