import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { propertyNamed, readChoice, readColumnOf } from '../common';

/** An options or boolean parameter against its description's choices (readChoice). */
export function choice<T>(ctx: IExecuteFunctions, properties: INodeProperties[], name: string): T {
	return readChoice<T>(ctx, propertyNamed(properties, name));
}

/** A column parameter with its description's default and label (readColumnOf). */
export function columnOf(ctx: IExecuteFunctions, properties: INodeProperties[], name: string): string {
	return readColumnOf(ctx, propertyNamed(properties, name));
}
