import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { batchParameter, parameterText } from '../common';
import { ConfigError, describeValue } from '../shared/input';

/** Display names by parameter name, so a message about a parameter names it as the panel shows it. */
export function labelsOf(properties: INodeProperties[]): Record<string, string> {
	return Object.fromEntries(properties.map((p) => [p.name, p.displayName]));
}

/**
 * A free-text parameter (`path` may be an option, "upliftOptions.conversionName"), trimmed; a cleared
 * one, null, is "". Anything but text or a number is a ConfigError naming `label`: String() made true a
 * campaign called "true" and a list one called "1,2".
 */
export function readTextParameter(ctx: IExecuteFunctions, path: string, label: string, expected: string): string {
	const raw = batchParameter<unknown>(ctx, path, '', label);
	const text = raw === null || raw === undefined ? '' : parameterText(raw);
	if (text === undefined) throw new ConfigError(`Parameter "${label}" is ${describeValue(raw)}, which is not text (expected ${expected})`);
	return text.trim();
}
