/** Small deterministic randomness: a run is repeated exactly from its seed. */
/** A PRNG (mulberry32) returning numbers in [0, 1). */
export declare function prng(seed: number): () => number;
/** A number in [0, 1) fixed by its inputs: the same (seed, id, delivery) always fails or never. */
export declare function chance(...parts: number[]): number;
