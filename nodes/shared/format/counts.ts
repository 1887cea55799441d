/** "1 day", "2 days", "0 buyers": an English count with its noun in the number it needs. */
export function countOf(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
