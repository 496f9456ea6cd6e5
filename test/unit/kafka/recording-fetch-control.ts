import { FetchControl } from '../../../lib/kafka/partition-fetch';

/** A `FetchControl` on a fake consumer that records `pause`, `resume` and `seek <offset>` in `calls`; a reported error throws. */
export function recordingFetchControl(calls: string[]): FetchControl {
  const control = new FetchControl((error) => {
    throw error;
  });
  control.use({
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    seek: ({ offset }: { offset: string }) => void calls.push(`seek ${offset}`),
  } as never);
  return control;
}
