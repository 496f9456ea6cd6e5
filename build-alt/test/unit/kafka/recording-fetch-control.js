"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordingFetchControl = recordingFetchControl;
const partition_fetch_1 = require("../../../lib/kafka/partition-fetch");
/** A `FetchControl` on a fake consumer that records `pause`, `resume` and `seek <offset>` in `calls`; a reported error throws. */
function recordingFetchControl(calls) {
    const control = new partition_fetch_1.FetchControl((error) => {
        throw error;
    });
    control.use({
        pause: () => void calls.push('pause'),
        resume: () => void calls.push('resume'),
        seek: ({ offset }) => void calls.push(`seek ${offset}`),
    });
    return control;
}
//# sourceMappingURL=recording-fetch-control.js.map