/** The one field reader lives in nodes/shared/input/fields.ts; kept for its existing test. */
export { fieldReader, type FieldReader } from '../input/fields';
