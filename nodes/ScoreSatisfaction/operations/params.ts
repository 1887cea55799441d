import { parameterError } from '../../shared/input';

/** Fills a column pattern such as "expectation.{dimension}" for one name. */
export function fillPattern(pattern: string, placeholder: string, value: string, displayName: string): string {
	const token = `{${placeholder}}`;
	if (!pattern.includes(token)) {
		throw parameterError(displayName, pattern, `does not contain ${token}`, `a column pattern with ${token}, for example "${placeholder === 'dimension' ? 'expectation.{dimension}' : 'kano.{feature}.functional'}"`);
	}
	return pattern.split(token).join(value);
}

export const showFor = (metric: string) => ({ show: { metrics: [metric] } });
