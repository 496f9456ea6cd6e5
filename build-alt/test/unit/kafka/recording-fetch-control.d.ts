import { FetchControl } from '../../../lib/kafka/partition-fetch';
/** A `FetchControl` on a fake consumer that records `pause`, `resume` and `seek <offset>` in `calls`; a reported error throws. */
export declare function recordingFetchControl(calls: string[]): FetchControl;
