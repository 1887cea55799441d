import type { IDataObject, NodeExecutionHint } from 'n8n-workflow';
import type { ChurnModel, Scorer } from '../../shared/churn';
import type { BaseTypicalInterval } from '../../shared/churn/typicalInterval';
import type { Subject } from '../read';

/**
 * One way of scoring churn (the Method parameter): rules only, or a statistical model with its
 * parameters fitted on the batch or supplied. Read -> fit -> score -> route: execute reads the
 * subjects, the method fits once, then scores each subject.
 */
export interface ChurnMethod {
	/**
	 * The typical interval between purchases of the whole base, when the method brings one (supplied
	 * parameters); absent, one-time buyers are judged against the batch's repeat buyers.
	 */
	readonly baseTypicalInterval?: BaseTypicalInterval;
	/** Fits (or takes the supplied parameters) once for the run. */
	fit(subjects: readonly Subject[]): FittedMethod;
}

export interface FittedMethod {
	/** The model and its scorer; absent for rules only. */
	model?: ChurnModel;
	score?: Scorer;
	/** Customers the fit left out (it failed with them), each with why: item errors, not scored. */
	leftOut?: ReadonlyMap<Subject, string>;
	/** Execution hints for results relative to the batch. */
	hints: NodeExecutionHint[];
	/** The Model output's item (parameters and fit figures to store and supply later), if any. */
	modelJson(typicalIntervalDays: number | undefined, asOfText: string): IDataObject | undefined;
}
