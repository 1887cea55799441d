import type { IExecuteFunctions } from 'n8n-workflow';
import { ConfigError } from '../../shared/input';

/** A column-name parameter; blank falls back to the default column. */
export function columnParameter(ctx: IExecuteFunctions, name: string, fallback: string): string {
	return String(ctx.getNodeParameter(name, 0, fallback) ?? '').trim() || fallback;
}

/** A comma- or newline-separated list parameter ("a, b" or one per line); blanks dropped. */
export function listParameter(ctx: IExecuteFunctions, name: string, fallback: string): string[] {
	return String(ctx.getNodeParameter(name, 0, fallback) ?? '')
		.split(/[,，\n]/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** A number parameter that must be finite (n8n can hand over null for a cleared field). */
export function numberParameter(ctx: IExecuteFunctions, name: string, fallback: number, displayName: string): number {
	const value = Number(ctx.getNodeParameter(name, 0, fallback));
	if (!Number.isFinite(value)) throw new ConfigError(`"${displayName}" must be a number`);
	return value;
}

/** Fills a column pattern such as "expectation.{dimension}" for one name. */
export function fillPattern(pattern: string, placeholder: string, value: string, displayName: string): string {
	const token = `{${placeholder}}`;
	if (!pattern.includes(token)) throw new ConfigError(`"${displayName}" must contain ${token}, for example "${placeholder === 'dimension' ? 'expectation.{dimension}' : 'kano.{feature}.functional'}"`);
	return pattern.split(token).join(value);
}

export const showFor = (metric: string) => ({ show: { metrics: [metric] } });
